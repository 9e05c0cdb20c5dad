using System;
using System.Collections.Generic;
using System.Globalization;
using Contoso.Telephony.Tapi3;

namespace TapiGen.Sample
{
    /// <summary>
    /// Prints TAPI 3 enums generated at build time from the SDK documentation pages in manifests/: what an agent
    /// session goes through, and which events a TAPI event filter mask selects.
    /// </summary>
    public static class Program
    {
        /// <summary>Prints the enums and checks a few documented values; returns 1 if one differs.</summary>
        /// <returns>0 when every checked value matches the documentation.</returns>
        public static int Main()
        {
            Console.WriteLine("Agent session events (tapi3.h), generated from ne-tapi3-agent_session_event.md:");
            foreach (AGENT_SESSION_EVENT e in (AGENT_SESSION_EVENT[])Enum.GetValues(typeof(AGENT_SESSION_EVENT)))
            {
                Console.WriteLine("  " + ((int)e).ToString(CultureInfo.InvariantCulture).PadLeft(2) + "  " + e);
            }

            // A typical ITTAPI::put_EventFilter mask: call state, call notifications and agent session events.
            TAPI_EVENT filter = TAPI_EVENT.TE_CALLSTATE | TAPI_EVENT.TE_CALLNOTIFICATION | TAPI_EVENT.TE_AGENTSESSION;
            Console.WriteLine();
            Console.WriteLine("Event filter 0x" + ((int)filter).ToString("X8", CultureInfo.InvariantCulture) + " selects: " + filter);

            Console.WriteLine();
            Console.WriteLine("Call states and the last one (CS_LASTITEM is an alias):");
            var seen = new List<string>();
            foreach (string name in Enum.GetNames(typeof(CALL_STATE)))
            {
                var state = (CALL_STATE)Enum.Parse(typeof(CALL_STATE), name);
                seen.Add(name + "=" + ((int)state).ToString(CultureInfo.InvariantCulture));
            }

            Console.WriteLine("  " + string.Join(", ", seen));
            Console.WriteLine("  CS_LASTITEM == CS_QUEUED: " + (CALL_STATE.CS_LASTITEM == CALL_STATE.CS_QUEUED));

            bool ok = (int)AGENT_SESSION_EVENT.ASE_END == 5
                && (int)TAPI_EVENT.TE_AGENTSESSION == 0x400
                && Attribute.IsDefined(typeof(TAPI_EVENT), typeof(FlagsAttribute))
                && !Attribute.IsDefined(typeof(CALL_STATE), typeof(FlagsAttribute));
            Console.WriteLine();
            Console.WriteLine(ok ? "Generated enums match the documented values." : "MISMATCH: generated enums differ from the documented values.");
            return ok ? 0 : 1;
        }
    }
}
