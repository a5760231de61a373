/**
 * The trainer pool: each person's progression from trainee to co-trainer, certified trainer and lead
 * trainer for one Training Support Package, every step backed by dated evidence, with certificate
 * validity, recertification and inactivation. Start with {@link org.cadre.roster.pool.TrainerRecord}.
 */
package org.cadre.roster.pool;
