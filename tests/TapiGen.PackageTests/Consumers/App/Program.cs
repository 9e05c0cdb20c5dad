using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Contoso.Telephony;
using Contoso.Telephony.Events;

namespace Contoso.App
{
    /// <summary>Checks the generated enums against the values the SDK documents; exits with 1 on any mismatch.</summary>
    public static class Program
    {
        private static readonly List<string> s_mismatches = new List<string>();

        /// <summary>Prints one line per check and "OK" or the mismatches.</summary>
        /// <returns>0 when every value matches, else 1.</returns>
        public static int Main()
        {
            Check(
                "AgentSessionEvent members",
                "NewSession=0 NotReady=1 Ready=2 Busy=3 Wrapup=4 End=5",
                Describe<AgentSessionEvent>());
            Check("AgentSessionEvent namespace", "Contoso.Telephony", typeof(AgentSessionEvent).Namespace);
            Check("AgentSessionEvent [Flags]", "False", IsFlags<AgentSessionEvent>());

            Check("TAPI_EVENT namespace", "Contoso.Telephony.Events", typeof(TAPI_EVENT).Namespace);
            Check("TAPI_EVENT [Flags]", "True", IsFlags<TAPI_EVENT>());
            Check("TAPI_EVENT member count", "26", Enum.GetValues(typeof(TAPI_EVENT)).Length.ToString(CultureInfo.InvariantCulture));
            Check("TE_AGENTSESSION", "0x00000400", Hex((int)TAPI_EVENT.TE_AGENTSESSION));
            Check("TE_PHONEDEVSPECIFIC", "0x02000000", Hex((int)TAPI_EVENT.TE_PHONEDEVSPECIFIC));
            Check(
                "event filter",
                "TE_CALLNOTIFICATION, TE_CALLSTATE, TE_AGENTSESSION",
                (TAPI_EVENT.TE_CALLSTATE | TAPI_EVENT.TE_CALLNOTIFICATION | TAPI_EVENT.TE_AGENTSESSION).ToString());

            Console.WriteLine(s_mismatches.Count == 0 ? "OK" : "MISMATCH: " + string.Join("; ", s_mismatches));
            return s_mismatches.Count == 0 ? 0 : 1;
        }

        private static string Describe<T>()
            where T : struct, Enum
            => string.Join(" ", Enum.GetValues<T>().Select(v => v + "=" + Convert.ToInt64(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));

        private static string IsFlags<T>() => Attribute.IsDefined(typeof(T), typeof(FlagsAttribute)).ToString();

        private static string Hex(int value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture);

        private static void Check(string what, string expected, string? actual)
        {
            Console.WriteLine(what + ": " + actual);
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                s_mismatches.Add(what + " is '" + actual + "', expected '" + expected + "'");
            }
        }
    }
}
