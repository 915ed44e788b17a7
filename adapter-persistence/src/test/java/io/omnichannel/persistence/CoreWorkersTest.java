package io.omnichannel.persistence;

import org.junit.jupiter.api.Nested;

class CoreWorkersTest {
  @Nested
  class OnH2 extends CoreWorkersContract {
    OnH2() {
      super(TestDatabase.h2());
    }
  }

  @Nested
  class OnMariaDb extends CoreWorkersContract {
    OnMariaDb() {
      super(TestDatabase.mariaDb());
    }
  }
}
