package io.asyncops.cli.server;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * The format of the server's logs on stderr: {@code text} (the default, {@code logback.xml}) or {@code json}
 * ({@code logback-json.xml}: one JSON object a line, for log collectors).
 */
enum LogFormat {
    text,
    json;

    /** Reconfigures logging for this format, before the server starts. */
    void apply() {
        if (this == text) {
            return;
        }
        URL config = LogFormat.class.getResource("/logback-json.xml");
        if (config == null) {
            throw new IllegalStateException("logback-json.xml is missing from the class path");
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure JSON logging", e);
        }
    }
}
