package io.quargo.sensor.trigger;

import io.quargo.core.secret.SecretResolver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The email trigger against a small SMTP server speaking over a real socket. */
class EmailTriggerIT {
  private static final SecretResolver SECRETS = (ns, name, key) ->
      name.equals("smtp-secret") && key.equals("password") ? "s3cret" : null;

  /** upstream's email-trigger.yaml, pointed at the sink. */
  private static String upstream(int port, String extraTo) {
    return """
        parameters:
          - {src: {dependencyName: dep, dataKey: body.to}, dest: email.to.-1}
          - src: {dependencyName: dep, dataTemplate: "Hi {{.Input.body.name}},\\n\\n.Hello There.\\n\\nThanks,\\nObi"}
            dest: email.body
        template:
          name: email-trigger
          email:
            username: username
            smtpPassword: {key: password, name: smtp-secret}
            to: [%s]
            host: 127.0.0.1
            port: %d
            from: example@email.com
            subject: Hello There
        """.formatted(extraTo, port);
  }

  @Test
  void sendsUpstreamsExampleWithAuthPlainAndTheExecutionKeyAsMessageId() {
    try (SmtpSink sink = new SmtpSink("username", "s3cret", "PLAIN LOGIN")) {
      Fire.fire(new EmailTrigger(SECRETS), Fire.sensor(upstream(sink.port(), "first@example.org")));
      assertThat(sink.mails).singleElement().satisfies(m -> {
        assertThat(m.authenticatedAs()).isEqualTo("username");
        assertThat(m.from()).isEqualTo("example@email.com");
        assertThat(m.to()).containsExactly("first@example.org", "obi@example.org");
        assertThat(m.data()).contains("Subject: Hello There\n", "To: first@example.org, obi@example.org\n",
            "Message-ID: <exec-key-1@quargo.trigger>\n", "X-Quargo-Trigger-Id: exec-key-1\n");
        // the body after the blank line, a line starting with a dot survives dot-stuffing
        assertThat(m.data().substring(m.data().indexOf("\n\n") + 2))
            .isEqualTo("Hi Obi,\n\n.Hello There.\n\nThanks,\nObi\n");
      });
    }
  }

  @Test
  void logsInWithAuthLoginWhenThatIsAllTheServerOffers() {
    try (SmtpSink sink = new SmtpSink("username", "s3cret", "LOGIN")) {
      Fire.fire(new EmailTrigger(SECRETS), Fire.sensor(upstream(sink.port(), "first@example.org")));
      assertThat(sink.mails).singleElement().satisfies(m -> assertThat(m.authenticatedAs()).isEqualTo("username"));
    }
  }

  @Test
  void refusalsArePermanentAndNameTheStep() {
    try (SmtpSink sink = new SmtpSink("username", "other", "PLAIN")) {
      assertThatThrownBy(() -> Fire.fire(new EmailTrigger(SECRETS), Fire.sensor(upstream(sink.port(), ""))))
          .isInstanceOfSatisfying(TriggerFailure.class, f -> assertThat(f.permanent()).isTrue())
          .hasMessageContaining("spec.triggers[0].template.email: 127.0.0.1:" + sink.port()
              + " refused: AUTH PLAIN was answered 535");
    }
    try (SmtpSink sink = new SmtpSink("username", "s3cret", "PLAIN")) {
      assertThatThrownBy(() -> Fire.fire(new EmailTrigger(SECRETS),
          Fire.sensor(upstream(sink.port(), "nobody@refused.example"))))
          .hasMessageContaining("RCPT TO:<nobody@refused.example> was answered 550");
      assertThat(sink.mails).isEmpty();
    }
  }

  @Test
  void anAddressThatCouldInjectAHeaderIsRefused() {
    assertThatThrownBy(() -> Fire.fire(new EmailTrigger(SECRETS), Fire.sensor(upstream(25,
        "\"a@example.org\\r\\nBcc: x@evil.example\""))))
        .isInstanceOfSatisfying(TriggerFailure.class, f -> assertThat(f.permanent()).isTrue())
        .hasMessageContaining("spec.triggers[0].template.email.to[0]: ").hasMessageContaining("is not an email address");
  }
}
