package io.quargo.sensor.trigger;

import io.quargo.core.secret.SecretResolver;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quargo.sensor.conditions.Firing;
import io.quargo.sensor.parameters.TriggerParameters;
import io.quargo.sensor.spec.Sensor;
import io.quargo.sensor.spec.Trigger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code email} trigger: one message from {@code from} to every address of {@code to}, with {@code subject}
 * and the text {@code body}, through the SMTP server {@code host}:{@code port} (587 by default; 465 is implicit
 * TLS, STARTTLS is used when offered), logging in as {@code username} with the {@code smtpPassword} secret when a
 * username is given. The message's {@code Message-ID} is built from the execution key (and
 * {@value HttpTrigger#TRIGGER_ID_HEADER} carries it), so a mail system or reader can drop a repeat.
 */
public final class EmailTrigger implements TriggerExecutor {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final SecretResolver secrets;
  private final Clock clock;

  public EmailTrigger(SecretResolver secrets, Clock clock) {
    this.secrets = secrets;
    this.clock = clock;
  }

  public EmailTrigger(SecretResolver secrets) {
    this(secrets, Clock.systemUTC());
  }

  @Override
  public String kind() {
    return "email";
  }

  @Override
  public void execute(Sensor sensor, Trigger trigger, ObjectNode template, Firing firing) {
    String where = trigger.where() + ".template.email";
    JsonNode spec = TriggerParameters.apply(template.get("email"), trigger.typeParameters(), firing.events());
    String host = spec.path("host").asText("");
    if (host.isBlank()) {
      throw TriggerFailure.permanent(where + ".host: is required (the SMTP server)");
    }
    int port = spec.path("port").asInt(587);
    if (port <= 0 || port > 65535) {
      throw TriggerFailure.permanent(where + ".port: must be a TCP port, got " + spec.path("port"));
    }
    String from = address(spec.path("from").asText(""), where + ".from");
    List<String> to = new ArrayList<>();
    JsonNode list = spec.path("to");
    for (int i = 0; i < list.size(); i++) {
      to.add(address(list.get(i).asText(""), where + ".to[" + i + "]"));
    }
    if (to.isEmpty()) {
      throw TriggerFailure.permanent(where + ".to: names no recipient; list addresses or set them with parameters");
    }
    String username = spec.path("username").asText("");
    String password = username.isEmpty() ? "" : Secrets.read(secrets, sensor, spec.path("smtpPassword"),
        where + ".smtpPassword");
    String message = message(from, to, spec.path("subject").asText(""), spec.path("body").asText(""), firing);
    try (SmtpClient smtp = SmtpClient.connect(host, port, TIMEOUT)) {
      if (!username.isEmpty()) {
        smtp.login(username, password);
      }
      smtp.send(from, to, message);
    } catch (SmtpClient.SmtpException e) {
      String text = where + ": " + host + ":" + port + " refused: " + e.getMessage();
      throw e.code >= 500 ? TriggerFailure.permanent(text) : TriggerFailure.transientFailure(text, e);
    } catch (IOException e) {
      throw TriggerFailure.transientFailure(where + ": talking SMTP to " + host + ":" + port + " failed: " + e, e);
    }
  }

  /** A bare address; CR, LF and angle brackets are refused so a parameter cannot inject a header or command. */
  private static String address(String text, String where) {
    String a = text.trim();
    if (!a.matches("[^\\s<>@,;]+@[^\\s<>@,;]+")) {
      throw TriggerFailure.permanent(where + ": '" + text + "' is not an email address like someone@example.com");
    }
    return a;
  }

  private String message(String from, List<String> to, String subject, String body, Firing firing) {
    boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(body);
    StringBuilder m = new StringBuilder();
    m.append("From: ").append(from).append("\r\n")
        .append("To: ").append(String.join(", ", to)).append("\r\n")
        .append("Subject: ").append(header(subject)).append("\r\n")
        .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(clock))).append("\r\n")
        .append("Message-ID: <").append(firing.executionKey()).append("@quargo.trigger>\r\n")
        .append(HttpTrigger.TRIGGER_ID_HEADER).append(": ").append(firing.executionKey()).append("\r\n")
        .append("MIME-Version: 1.0\r\n")
        .append("Content-Type: text/plain; charset=UTF-8\r\n")
        .append("Content-Transfer-Encoding: ").append(ascii ? "7bit" : "base64").append("\r\n\r\n");
    if (ascii) {
      m.append(body.replace("\r\n", "\n").replace("\n", "\r\n"));
    } else {
      m.append(Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
    }
    return m.toString();
  }

  /** A header value: ASCII as is (line breaks removed), anything else as an RFC 2047 encoded word. */
  private static String header(String value) {
    String oneLine = value.replaceAll("[\\r\\n]+", " ");
    if (StandardCharsets.US_ASCII.newEncoder().canEncode(oneLine)) {
      return oneLine;
    }
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(oneLine.getBytes(StandardCharsets.UTF_8)) + "?=";
  }
}
