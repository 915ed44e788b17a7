package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class LogsTest {
  @Nested
  class OnH2 extends LogsContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends LogsContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}
