using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace TapiGen.Tests.Headers.Oracle
{
    /// <summary>Runs gcc with a timeout and reads its error lines.</summary>
    internal static class Gcc
    {
        private static readonly Lazy<string?> s_path = new Lazy<string?>(FindGcc);

        private static readonly Regex s_error = new Regex(
            @"^(?<file>[^:\n]+):(?<line>\d+):(?:\d+:)? (?:fatal )?error: (?<message>.*)$",
            RegexOptions.Multiline | RegexOptions.CultureInvariant);

        /// <summary>gcc from TAPIGEN_GCC, else on PATH, else /usr/bin/gcc; null when there is none.</summary>
        public static string? Path => s_path.Value;

        public sealed record Output(int ExitCode, string StandardOutput, string StandardError);

        public sealed record Error(string File, int Line, string Message);

        public static Output Run(IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
        {
            string gcc = Path ?? throw new InvalidOperationException("gcc not found (set TAPIGEN_GCC, or install gcc): the header oracle needs a C compiler");
            var start = new ProcessStartInfo(gcc)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // English messages whatever the machine's locale, so reasons read and group the same everywhere.
            start.Environment["LC_ALL"] = "C";
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + gcc);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)timeout.TotalMilliseconds))
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // it ended meanwhile
                }

                process.WaitForExit();
                throw new TimeoutException($"gcc did not finish in {timeout.TotalSeconds:0} s");
            }

            process.WaitForExit(); // and the output streams are complete
            return new Output(process.ExitCode, stdout.Result, stderr.Result);
        }

        public static List<Error> Errors(string standardError)
        {
            var errors = new List<Error>();
            foreach (Match match in s_error.Matches(standardError))
            {
                errors.Add(new Error(match.Groups["file"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["message"].Value.Trim()));
            }

            return errors;
        }

        /// <summary>The first line of gcc's stderr that says error, for reasons that have no line to point at.</summary>
        public static string FirstErrorLine(string standardError)
        {
            foreach (string line in standardError.Split('\n'))
            {
                if (line.Contains("error", StringComparison.Ordinal))
                {
                    return line.Trim();
                }
            }

            string trimmed = standardError.Trim();
            return trimmed.Length == 0 ? "(no message)" : trimmed.Split('\n')[0];
        }

        private static string? FindGcc()
        {
            string? configured = Environment.GetEnvironmentVariable("TAPIGEN_GCC");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = System.IO.Path.Combine(dir, "gcc");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return File.Exists("/usr/bin/gcc") ? "/usr/bin/gcc" : null;
        }
    }
}
