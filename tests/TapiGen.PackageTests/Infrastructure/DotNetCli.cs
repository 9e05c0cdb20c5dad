using System;
using System.Collections;
using System.Diagnostics;
using System.Text;
using System.Threading;

namespace TapiGen.PackageTests.Infrastructure
{
    /// <summary>What one `dotnet` command did.</summary>
    public sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
    {
        public bool Succeeded => ExitCode == 0;

        /// <summary>For assertion messages: the command, its exit code and everything it printed.</summary>
        public override string ToString()
            => "$ " + CommandLine + "\n(exit code " + ExitCode + " after " + Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s)\n" + Output;
    }

    /// <summary>
    /// Runs the `dotnet` CLI in a child process the way a user's shell would: none of the MSBuild variables of the
    /// test host's own build leak in, no first-run noise, and no MSBuild worker nodes are left behind.
    /// </summary>
    public static class DotNetCli
    {
        private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(8);

        public static CommandResult Run(string workingDirectory, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // `dotnet test` runs this host under MSBuild, whose variables (MSBuildExtensionsPath, MSBuildSDKsPath, ...)
            // would otherwise point the child's MSBuild at the parent's state.
            foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
            {
                string name = (string)variable.Key;
                if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                {
                    start.Environment.Remove(name);
                }
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            // Reference packs carry large XML docs that a build never reads; skipping them keeps a fresh restore quick.
            start.Environment["NUGET_XMLDOC_MODE"] = "skip";

            var output = new StringBuilder();
            var stopwatch = Stopwatch.StartNew();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit((int)s_timeout.TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Append(output, "*** killed: no exit after " + s_timeout.TotalMinutes + " minutes");
            }

            // Then wait for the end of its output, but not for ever: a server it started (the compiler's) could keep
            // the pipes open.
            using (var drained = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                try
                {
                    process.WaitForExitAsync(drained.Token).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                    Append(output, "*** the output did not end 30 s after the process exited");
                }
            }

            return new CommandResult("dotnet " + string.Join(" ", arguments), process.HasExited ? process.ExitCode : -1, Output(output), stopwatch.Elapsed);
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }

        private static string Output(StringBuilder output)
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
