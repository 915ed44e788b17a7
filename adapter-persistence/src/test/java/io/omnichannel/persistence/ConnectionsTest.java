package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class ConnectionsTest {
  @Nested
  class OnH2 extends ConnectionsContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends ConnectionsContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}
