package org.cadre.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.cadre.server.store.Database;
import org.junit.jupiter.api.Test;

/** Stopping the server (SIGTERM runs this in `cadre serve`) answers the requests already in flight. */
class GracefulStopTest {

    @Test
    void a_request_still_arriving_when_stop_begins_is_answered_in_full() throws Exception {
        try (Database db = Database.sqlite(Files.createTempDirectory("cadre-stop").resolve("cadre.db"))) {
            Javalin app = CadreApp.create(db).start("127.0.0.1", 0);
            byte[] body = "{\"username\": \"nobody\", \"password\": \"not the password\"}".getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", app.port())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, 10);
                out.flush();
                Thread.sleep(300); // the server is reading the body

                Thread stopping = new Thread(app::stop);
                stopping.start();
                Thread.sleep(500); // the stop has begun and waits for the request
                out.write(body, 10, body.length - 10);
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String status = in.readLine();
                stopping.join(TimeUnit.SECONDS.toMillis(30));

                assertThat(status).isEqualTo("HTTP/1.1 401 Unauthorized");
                assertThat(stopping.isAlive()).as("the stop finished once the request was answered").isFalse();
            } finally {
                app.stop();
            }
        }
    }
}
