using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Contoso.Telephony.Tapi3;

namespace TapiGen.Sample
{
    /// <summary>
    /// A call-centre report from an agent and call event log (JSON lines): per agent, the time spent in each
    /// AGENT_SESSION_STATE, the CALL_STATE transitions seen, and each event explained with the text of the SDK docs.
    /// Every enum comes from the SDK documentation pages in manifests/, generated at build time by TapiGen.
    /// Usage: dotnet run --project samples/TapiGen.Sample [-- [log.jsonl] [--state NAME]]
    /// </summary>
    public static class Program
    {
        /// <summary>Prints the report; returns 1 when the input is missing or the generated enums look wrong.</summary>
        /// <param name="args">An optional log file (default: the log embedded in the sample) and --state NAME to list only events leading to that call state.</param>
        /// <returns>0 on success.</returns>
        public static int Main(string[] args)
        {
            string? path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsOptionValue(args, a));
            CALL_STATE? only = null;
            int stateIndex = Array.IndexOf(args, "--state");
            if (stateIndex >= 0)
            {
                // Case-insensitive and ordinal: "cs_connected" works the same in every culture.
                if (stateIndex + 1 >= args.Length || !CALL_STATEExtensions.TryParse(args[stateIndex + 1], ignoreCase: true, out CALL_STATE parsed))
                {
                    Console.Error.WriteLine("--state needs a CALL_STATE: " + string.Join(", ", CALL_STATEExtensions.GetNames().ToArray()));
                    return 1;
                }

                only = parsed;
            }

            List<AgentEvent> events;
            List<string> problems;
            using (TextReader reader = path is null ? OpenEmbeddedLog() : File.OpenText(path))
            {
                (events, problems) = EventLog.Read(reader);
            }

            foreach (string problem in problems)
            {
                Console.Error.WriteLine("skipped " + problem);
            }

            Console.WriteLine($"{events.Count} events read, {problems.Count} line(s) skipped");
            Console.WriteLine();
            Report.Write(Console.Out, events, only);
            return SelfCheck() ? 0 : 1;
        }

        private static bool IsOptionValue(string[] args, string value)
        {
            int i = Array.IndexOf(args, value);
            return i > 0 && args[i - 1] == "--state";
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
