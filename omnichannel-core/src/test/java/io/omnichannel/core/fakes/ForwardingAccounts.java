package io.omnichannel.core.fakes;

import io.omnichannel.core.domain.AccountId;
import io.omnichannel.core.domain.ChannelAccount;
import io.omnichannel.core.domain.ChatId;
import io.omnichannel.core.domain.ConnectionId;
import io.omnichannel.core.domain.PlatformUserId;
import io.omnichannel.core.domain.TopicId;
import io.omnichannel.core.port.out.AccountRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Passes every call on; tests override one method to inject a failure at an exact point. */
public class ForwardingAccounts implements AccountRepository {
  private final AccountRepository delegate;

  public ForwardingAccounts(AccountRepository delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<ChannelAccount> findOpen(
      ConnectionId connection, ChatId chat, Optional<TopicId> topic) {
    return delegate.findOpen(connection, chat, topic);
  }

  @Override
  public int lastEpoch(ConnectionId connection, ChatId chat, Optional<TopicId> topic) {
    return delegate.lastEpoch(connection, chat, topic);
  }

  @Override
  public List<ChannelAccount> openIn(ConnectionId connection, ChatId chat) {
    return delegate.openIn(connection, chat);
  }

  @Override
  public Optional<ChannelAccount> find(AccountId id) {
    return delegate.find(id);
  }

  @Override
  public Optional<ChannelAccount> findByPlatformUser(ConnectionId connection, PlatformUserId user) {
    return delegate.findByPlatformUser(connection, user);
  }

  @Override
  public void insert(ChannelAccount account) {
    delegate.insert(account);
  }

  @Override
  public void update(ChannelAccount account) {
    delegate.update(account);
  }

  @Override
  public ChannelAccount markBlocked(AccountId account, Instant at) {
    return delegate.markBlocked(account, at);
  }

  @Override
  public ChannelAccount markLeft(AccountId account, Instant at) {
    return delegate.markLeft(account, at);
  }

  @Override
  public void clearBlock(AccountId account) {
    delegate.clearBlock(account);
  }

  @Override
  public ChannelAccount markBanned(AccountId account, Instant at) {
    return delegate.markBanned(account, at);
  }

  @Override
  public void clearBan(AccountId account) {
    delegate.clearBan(account);
  }

  @Override
  public void moveChat(ConnectionId connection, ChatId from, ChatId to) {
    delegate.moveChat(connection, from, to);
  }

  @Override
  public List<ChannelAccount> of(ConnectionId connection) {
    return delegate.of(connection);
  }

  @Override
  public void touch(AccountId account, Instant at) {
    delegate.touch(account, at);
  }

  @Override
  public Map<AccountId, Instant> lastActivity(ConnectionId connection) {
    return delegate.lastActivity(connection);
  }
}
