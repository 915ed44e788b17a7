package io.omnichannel.persistence;

import io.omnichannel.core.domain.BotToken;
import io.omnichannel.core.domain.ChannelKind;
import io.omnichannel.core.domain.CompanyId;
import io.omnichannel.core.domain.Confirmation;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.PendingAction;
import io.omnichannel.core.domain.PendingAction.Connect;
import io.omnichannel.core.domain.PendingAction.Disconnect;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.SealedSecret;
import io.omnichannel.core.port.out.ConfirmationRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** One-time confirmations by token hash; the bot token of a connect request is sealed. */
final class JdbcConfirmations implements ConfirmationRepository {
  private static final String UPDATE =
      """
      UPDATE confirmations
         SET company_id = ?, specialist_id = ?, action = ?, connection_id = ?, line_id = ?, line_company_id = ?,
             line_name = ?, line_availability = ?, bot_id = ?, bot_username = ?, bot_display_name = ?,
             token_key = ?, token_sealed = ?, created_at = ?, expires_at = ?, used_at = ?, channel = ?
       WHERE token_hash = ?
      """;
  private static final String INSERT =
      """
      INSERT INTO confirmations (company_id, specialist_id, action, connection_id, line_id, line_company_id,
          line_name, line_availability, bot_id, bot_username, bot_display_name, token_key, token_sealed,
          created_at, expires_at, used_at, channel, token_hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  /** Single use: only the caller whose UPDATE matches the unused, unexpired row gets true. */
  private static final String CONSUME =
      """
      UPDATE confirmations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
      """;

  /** Only while unused and under the limit: concurrent guesses cannot take more than the limit. */
  private static final String TAKE_ATTEMPT =
      """
      UPDATE confirmations SET failed_attempts = failed_attempts + 1
       WHERE token_hash = ? AND used_at IS NULL AND failed_attempts < ?
      """;

  private static final String GIVE_BACK_ATTEMPT =
      """
      UPDATE confirmations SET failed_attempts = failed_attempts - 1
       WHERE token_hash = ? AND failed_attempts > 0
      """;

  private static final String WITHDRAW =
      """
      UPDATE confirmations SET used_at = ? WHERE specialist_id = ? AND used_at IS NULL
      """;

  private final Db db;
  private final Sealing sealing;

  JdbcConfirmations(Db db, Sealing sealing) {
    this.db = db;
    this.sealing = sealing;
  }

  @Override
  public void save(Confirmation c) {
    PendingAction action = c.action();
    String kind;
    String connection = null;
    SealedSecret token = null;
    if (action instanceof Connect connect) {
      kind = "CONNECT";
      token = sealing.seal(connect.token().reveal(), context(c.tokenHash()));
    } else if (action instanceof Disconnect disconnect) {
      kind = "DISCONNECT";
      connection = disconnect.connection().value();
    } else {
      throw new IllegalArgumentException(
          "unknown pending action " + action.getClass().getSimpleName());
    }
    Upserts.updateOrInsert(
        db,
        UPDATE,
        INSERT,
        c.company().value(),
        c.specialist().value(),
        kind,
        connection,
        action.line().id().value(),
        action.line().company().value(),
        action.line().name(),
        action.line().availability().name(),
        action.bot().id().value(),
        action.bot().username(),
        action.bot().displayName(),
        token == null ? null : token.keyId(),
        token == null ? null : token.ciphertext(),
        Micros.of(c.createdAt()),
        Micros.of(c.expiresAt()),
        Micros.ofNullable(c.usedAt()),
        action.channel().displayName(),
        c.tokenHash());
  }

  @Override
  public Optional<Confirmation> find(String tokenHash) {
    return db.queryOne("SELECT * FROM confirmations WHERE token_hash = ?", this::map, tokenHash);
  }

  @Override
  public boolean consume(String tokenHash, Instant now) {
    return db.update(CONSUME, Micros.of(now), tokenHash, Micros.of(now)) == 1;
  }

  @Override
  public int takeAttempt(String tokenHash, int max) {
    return db.inTransaction(
        () -> {
          if (db.update(TAKE_ATTEMPT, tokenHash, max) != 1) {
            return 0;
          }
          return db.queryOne(
                  "SELECT failed_attempts FROM confirmations WHERE token_hash = ?",
                  row -> row.getInt(1),
                  tokenHash)
              .orElseThrow();
        });
  }

  @Override
  public void giveBackAttempt(String tokenHash) {
    db.update(GIVE_BACK_ATTEMPT, tokenHash);
  }

  @Override
  public int withdrawUnused(PlatformUserId specialist, Instant now) {
    return db.update(WITHDRAW, Micros.of(now), specialist.value());
  }

  /** Where the sealed bot token of a confirmation lives; its seal opens there only. */
  static String context(String tokenHash) {
    return Sealing.context("confirmations", "token", tokenHash);
  }

  private Confirmation map(ResultSet row) throws SQLException {
    ChannelKind channel = new ChannelKind(row.getString("channel"));
    PendingAction action =
        "CONNECT".equals(row.getString("action"))
            ? new Connect(
                channel,
                Rows.line(row),
                Rows.bot(row),
                BotToken.of(sealing.open(row, "token", context(row.getString("token_hash")))))
            : new Disconnect(
                channel,
                new ConnectionId(row.getString("connection_id")),
                Rows.line(row),
                Rows.bot(row));
    return new Confirmation(
        row.getString("token_hash"),
        new CompanyId(row.getString("company_id")),
        new PlatformUserId(row.getString("specialist_id")),
        action,
        Micros.instant(row, "created_at"),
        Micros.instant(row, "expires_at"),
        Micros.optionalInstant(row, "used_at"));
  }
}
