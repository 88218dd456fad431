package io.asyncops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.asyncops.cli.AsyncOpsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code asyncops demo} end to end: an embedded server, real HTTP, real polls, exit 0, a transcript a newcomer can read. */
class DemoCommandTest {

    @Test
    void theDemoCreatesAGroupAServerAndADatabaseThroughPollsAndExitsZero(@TempDir Path data) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = AsyncOpsCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int exit = cl.execute("demo", "--time-scale", "0.05", "--data-dir", data.toString());

        String transcript = out.toString();
        assertThat(exit).as("exit code; stdout:%n%s%nstderr:%n%s", transcript, err).isZero();
        assertThat(transcript).contains("== 1. Create a resource group", "== 2. Create a logical SQL server",
                "== 3. Create a database", "== 4. Read them back");
        assertThat(count(transcript, "<- 202 Accepted")).isEqualTo(2);
        assertThat(count(transcript, "Azure-AsyncOperation: http")).isEqualTo(2);
        assertThat(count(transcript, "Location:             http")).isEqualTo(2);
        assertThat(count(transcript, "Retry-After:          ")).isEqualTo(2);
        assertThat(count(transcript, "status=Succeeded")).isEqualTo(2);
        assertThat(transcript).contains("state=Ready, version=12.0").contains("status=Online, sku=S0 (Standard)");
        assertThat(transcript).doesNotContain("Str0ng!Passw0rd-2024").contains("********");
        assertThat(Files.exists(data)).as("a given data dir is kept").isTrue();
    }

    @Test
    void aBadOptionIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = AsyncOpsCli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("demo", "--time-scale", "fast")).isEqualTo(2);
        assertThat(err.toString()).contains("--time-scale");
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
