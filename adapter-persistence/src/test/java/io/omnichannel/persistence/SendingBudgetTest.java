package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class SendingBudgetTest {
  @Nested
  class OnH2 extends SendingBudgetContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends SendingBudgetContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}
