using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Contoso.Telephony.Tapi3;

namespace TapiGen.Sample
{
    /// <summary>
    /// A call-centre report from an agent and call event log (JSON lines): per agent, the time spent in each
    /// AGENT_SESSION_STATE, the CALL_STATE transitions seen, and each event explained with the text of the SDK docs.
    /// Every enum comes from the SDK documentation pages in manifests/, generated at build time by TapiGen.
    /// Usage: dotnet run --project samples/TapiGen.Sample [-- [log.jsonl] [--state NAME]]; --help says more.
    /// </summary>
    public static class Program
    {
        /// <summary>Done.</summary>
        public const int Success = 0;

        /// <summary>The generated enums differ from the documented values (a broken generator).</summary>
        public const int Mismatch = 1;

        /// <summary>Bad arguments, or a log that cannot be read: one line on stderr says which.</summary>
        public const int UsageError = 2;

        /// <summary>Prints the report.</summary>
        /// <param name="args">An optional log file (default: the log embedded in the sample), --state NAME to list only events leading to that call state, --help.</param>
        /// <returns><see cref="Success"/>, <see cref="Mismatch"/> or <see cref="UsageError"/>.</returns>
        public static int Main(string[] args)
        {
            string? path = null;
            CALL_STATE? only = null;
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "/?")
                {
                    WriteUsage(Console.Out);
                    return Success;
                }

                if (arg == "--state" || arg.StartsWith("--state=", StringComparison.Ordinal))
                {
                    string? name = arg == "--state" ? (i + 1 < args.Length ? args[++i] : null) : arg.Substring("--state=".Length);
                    // Case-insensitive and ordinal: "cs_connected" works the same in every culture.
                    if (name is null || !CALL_STATEExtensions.TryParse(name, ignoreCase: true, out CALL_STATE parsed))
                    {
                        return Fail(name is null ? "--state needs a CALL_STATE, such as CS_CONNECTED" : "'" + name + "' is not a CALL_STATE (--help lists them)");
                    }

                    only = parsed;
                }
                else if (arg.StartsWith("-", StringComparison.Ordinal) && arg.Length > 1)
                {
                    return Fail("unknown option '" + arg + "' (--help lists the options)");
                }
                else if (path is null)
                {
                    path = arg;
                }
                else
                {
                    return Fail("one log at a time: '" + path + "' and '" + arg + "' given");
                }
            }

            List<AgentEvent> events;
            List<string> problems;
            try
            {
                using TextReader reader = path is null ? OpenEmbeddedLog() : File.OpenText(path);
                (events, problems) = EventLog.Read(reader);
            }
            catch (Exception e) when (path is not null && (e is IOException || e is UnauthorizedAccessException))
            {
                return Fail(e is FileNotFoundException || e is DirectoryNotFoundException
                    ? "no log file '" + path + "'"
                    : "cannot read '" + path + "': " + ConsoleText.FirstSentence(e.Message));
            }

            foreach (string problem in problems)
            {
                ConsoleText.WriteWrapped(Console.Error, "skipped ", problem);
            }

            Console.WriteLine($"{events.Count} events read, {problems.Count} line(s) skipped");
            Console.WriteLine();
            Report.Write(Console.Out, events, only);
            return SelfCheck() ? Success : Mismatch;
        }

        private static void WriteUsage(TextWriter output)
        {
            output.WriteLine("Usage: TapiGen.Sample [LOG] [--state STATE]");
            output.WriteLine("       dotnet run --project samples/TapiGen.Sample -- [LOG] [--state STATE]");
            output.WriteLine();
            ConsoleText.WriteWrapped(output, string.Empty, "Reports on an agent and call event log in JSON lines: per agent, the time spent in each AGENT_SESSION_STATE and the CALL_STATE transitions, then every event explained with the first sentence of its SDK documentation. The enums are generated at build time by TapiGen from the pages in manifests/.");
            output.WriteLine();
            ConsoleText.WriteWrapped(output, "  LOG             ", "the log to read (default: data/agent-events.jsonl, built into the program)");
            ConsoleText.WriteWrapped(output, "  --state STATE   ", "list only the call events reaching STATE, in any case: " + string.Join(", ", CALL_STATEExtensions.GetNames().ToArray()));
            ConsoleText.WriteWrapped(output, "  -h, --help      ", "show this text");
            output.WriteLine();
            ConsoleText.WriteWrapped(output, string.Empty, $"Exit codes: {Success} done; {Mismatch} the generated enums differ from the documented values; {UsageError} bad arguments or a log that cannot be read.");
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine("TapiGen.Sample: " + message);
            return UsageError;
        }

        private static TextReader OpenEmbeddedLog()
        {
            Stream? stream = typeof(Program).Assembly.GetManifestResourceStream("TapiGen.Sample.agent-events.jsonl");
            return new StreamReader(stream ?? throw new InvalidOperationException("embedded log missing"));
        }

        /// <summary>The documented values, so a broken generator fails the sample loudly.</summary>
        private static bool SelfCheck()
        {
            bool ok = (int)AGENT_SESSION_EVENT.ASE_END == 5
                && (int)TAPI_EVENT.TE_AGENTSESSION == 0x400
                && CALL_STATE.CS_LASTITEM == CALL_STATE.CS_QUEUED
                && Attribute.IsDefined(typeof(TAPI_EVENT), typeof(FlagsAttribute))
                && !Attribute.IsDefined(typeof(CALL_STATE), typeof(FlagsAttribute))
                && (TAPI_EVENT.TE_CALLSTATE | TAPI_EVENT.TE_AGENTSESSION).ToStringFast() == "TE_CALLSTATE, TE_AGENTSESSION";
            if (!ok)
            {
                Console.Error.WriteLine("MISMATCH: generated enums differ from the documented values.");
            }

            return ok;
        }
    }
}
