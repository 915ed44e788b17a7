package io.omnichannel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnichannel.core.domain.failure.ConnectionRuleViolated;
import io.omnichannel.core.domain.failure.ConnectionRuleViolated.Rule;
import io.omnichannel.core.domain.failure.StorageUnavailable;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Constraint names as MariaDB/MySQL and H2 print them, mapped to the rules; nothing else leaks. */
class SqlErrorsTest {
  @Test
  void mapsTheConstraintNamesOfBothEnginesToTheRules() {
    SQLException mariaDb =
        new SQLException(
            "Duplicate entry 'c1-1' for key 'uq_connections_company_slot'", "23000", 1062);
    SQLException h2 =
        new SQLException(
            "Unique index or primary key violation: \"public.uq_connections_active_bot_INDEX_4"
                + " ON public.connections(active_bot_id) VALUES ( /* 1 */ '1001' )\"",
            "23505",
            23505);

    assertThat(SqlErrors.translate("INSERT", mariaDb))
        .isInstanceOfSatisfying(
            ConnectionRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(Rule.COMPANY_FULL));
    assertThat(SqlErrors.translate("INSERT", h2))
        .isInstanceOfSatisfying(
            ConnectionRuleViolated.class, e -> assertThat(e.rule()).isEqualTo(Rule.BOT_TAKEN));
  }

  @Test
  void otherFailuresBecomeStorageUnavailableWithoutTheDriversMessage() {
    SQLException failure =
        new SQLException("Data too long for column 'x' value 'secret-value'", "22001", 1406);

    assertThat(SqlErrors.translate("UPDATE connections SET x = ?\n WHERE id = ?", failure))
        .isInstanceOf(StorageUnavailable.class)
        .hasMessage("database failed (SQLState 22001, code 1406) in: UPDATE connections SET x = ?");
  }
}
