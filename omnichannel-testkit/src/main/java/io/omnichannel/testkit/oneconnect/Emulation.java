package io.omnichannel.testkit.oneconnect;

/** The emulator's state and services, handed to each endpoint group. */
record Emulation(
    OneConnectEmulatorConfig config,
    Directory directory,
    ClientRegistry clients,
    HookRegistry hooks,
    TreatmentRegistry treatments,
    Journal journal,
    Chats chats,
    AccountEvents accountEvents,
    FileStore files,
    ReceiveLedger ledger,
    Access access) {}
