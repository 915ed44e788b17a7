package io.omnichannel.max;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The SSL context of every call to MAX: the JDK's trusted roots plus the configured ones (the
 * Russian Trusted Root CA that MAX's API host chains to). Verification stays on: there is no
 * setting that trusts everything, and the host name is checked by the HTTP clients as usual.
 */
final class TrustStores {
  private TrustStores() {}

  /** The JDK's default context when no store is configured. */
  static SSLContext context(Optional<MaxConfig.TrustStore> store) {
    try {
      if (store.isEmpty()) {
        return SSLContext.getDefault();
      }
      X509TrustManager trust = trustManager(roots(store.get()));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "trust store " + store.map(s -> s.path().toString()).orElse("") + " unusable: " + e, e);
    }
  }

  /** A trust manager of the JDK's roots and {@code extra}. */
  static X509TrustManager trustManager(List<X509Certificate> extra)
      throws GeneralSecurityException, IOException {
    KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
    keys.load(null, null);
    int n = 0;
    for (X509Certificate root : jdkRoots()) {
      keys.setCertificateEntry("jdk-" + n++, root);
    }
    for (X509Certificate root : extra) {
      keys.setCertificateEntry("extra-" + n++, root);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(keys);
    return x509(factory);
  }

  /** The certificates of a PEM file, or the trusted certificates of a JKS / PKCS12 store. */
  static List<X509Certificate> roots(MaxConfig.TrustStore store)
      throws GeneralSecurityException, IOException {
    byte[] bytes = Files.readAllBytes(store.path());
    List<X509Certificate> roots = new ArrayList<>();
    if (new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.US_ASCII)
        .contains("-----BEGIN CERTIFICATE-----")) {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      try (InputStream in = new ByteArrayInputStream(bytes)) {
        for (Certificate certificate : factory.generateCertificates(in)) {
          roots.add((X509Certificate) certificate);
        }
      }
    } else {
      char[] password = store.password().map(String::toCharArray).orElse(null);
      KeyStore keys = KeyStore.getInstance(store.path().toFile(), password);
      for (String alias : Collections.list(keys.aliases())) {
        Certificate certificate = keys.getCertificate(alias);
        if (certificate instanceof X509Certificate x509) {
          roots.add(x509);
        }
      }
    }
    if (roots.isEmpty()) {
      throw new GeneralSecurityException("no certificate in it");
    }
    return roots;
  }

  private static List<X509Certificate> jdkRoots() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    return List.of(x509(factory).getAcceptedIssuers());
  }

  private static X509TrustManager x509(TrustManagerFactory factory)
      throws GeneralSecurityException {
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }
}
