using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>
    /// The sample (samples/TapiGen.Sample), run as a user runs it: its built program with arguments, in a process of its
    /// own. The project references it only to have it built first; TapiGen.Tests.csproj passes its path.
    /// </summary>
    public class SampleTests
    {
        private const int Width = 120;

        [Fact]
        public void The_report_runs_fits_120_columns_and_shows_first_sentences()
        {
            Run run = RunSample();
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("Timeline:", run.Output);
            Assert.All(run.Lines, line => Assert.True(line.Length <= Width, "wider than " + Width + " columns: " + line));

            // CS_DISCONNECTED's page goes on "There are several causes for disconnection. See the table of valid call
            // state transitions below.": only the first sentence makes sense next to an event.
            Assert.Contains("CS_DISCONNECTED Call has been disconnected. Cause: ", run.Output);
            Assert.DoesNotContain("below.", run.Output);
            Assert.DoesNotContain("LineNumber", run.Errors);

            // The two broken lines of the embedded log are reported, and the rest is read.
            Assert.StartsWith("skipped line 14: Cannot convert \"CS_RINGING\"", run.Errors);
            Assert.Contains("skipped line 19: ", run.Errors);
            Assert.StartsWith("21 events read, 2 line(s) skipped", run.Output);
        }

        [Theory]
        [InlineData("--help")]
        [InlineData("-h")]
        public void Help_prints_the_usage_and_succeeds(string option)
        {
            Run run = RunSample(option);
            Assert.Equal(0, run.ExitCode);
            Assert.StartsWith("Usage: TapiGen.Sample [LOG] [--state STATE]", run.Output);
            Assert.Contains("CS_CONNECTED", run.Output);
            Assert.Equal(string.Empty, run.Errors);
            Assert.All(run.Lines, line => Assert.True(line.Length <= Width, line));
        }

        [Theory]
        [InlineData("no log file 'no-such-log.jsonl'", "no-such-log.jsonl")]
        [InlineData("'cs_ringing' is not a CALL_STATE (--help lists them)", "--state", "cs_ringing")]
        [InlineData("--state needs a CALL_STATE, such as CS_CONNECTED", "--state")]
        [InlineData("unknown option '--verbose' (--help lists the options)", "--verbose")]
        public void A_bad_argument_or_a_missing_log_is_one_line_on_stderr_and_exit_code_2(string message, params string[] args)
        {
            Run run = RunSample(args);
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("TapiGen.Sample: " + message + "\n", run.Errors);
            Assert.Equal(string.Empty, run.Output);
        }

        [Fact]
        public void State_lists_only_the_events_reaching_it_in_any_case()
        {
            Run run = RunSample("--state", "cs_hold");
            Assert.Equal(0, run.ExitCode);
            string[] timeline = run.Output.Split('\n').SkipWhile(l => !l.StartsWith("Timeline", StringComparison.Ordinal)).ToArray();
            Assert.Equal("Timeline (calls reaching CS_HOLD):", timeline[0]);
            Assert.Equal(new[] { "  08:14:00 bob    call 103 CS_HOLD         The call is in the hold state." }, timeline.Skip(1).Where(l => l.Length > 0));
        }

        [Fact]
        public void Another_log_is_read_from_the_path_given()
        {
            string log = Path.Combine(Path.GetTempPath(), "tapigen-sample-" + Guid.NewGuid().ToString("N") + ".jsonl");
            File.WriteAllText(log, "{\"at\":\"2026-11-26T09:00:00Z\",\"agent\":\"carol\",\"call\":7,\"state\":\"CS_OFFERING\",\"cause\":\"CEC_NONE\"}\n");
            try
            {
                Run run = RunSample(log);
                Assert.Equal(0, run.ExitCode);
                Assert.StartsWith("1 events read, 0 line(s) skipped", run.Output);
                Assert.Contains("  09:00:00 carol  call 7 CS_OFFERING     A new call has appeared, and is being offered to an application.\n", run.Output);
            }
            finally
            {
                File.Delete(log);
            }
        }

        private sealed record Run(int ExitCode, string Output, string Errors)
        {
            public string[] Lines => (Output + Errors).Split('\n');
        }

        private static Run RunSample(params string[] args)
        {
            string sample = typeof(SampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleAssembly").Value!;
            Assert.True(File.Exists(sample), "the sample is not built at " + sample);
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add(sample);
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "the sample did not exit within a minute");
            return new Run(process.ExitCode, output.Replace("\r\n", "\n", StringComparison.Ordinal), errors.Result.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
    }
}
