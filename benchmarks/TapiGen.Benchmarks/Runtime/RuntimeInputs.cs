using System;
using System.Text;
using TapiGen.Benchmarks.Enums;

namespace TapiGen.Benchmarks.Runtime
{
    /// <summary>
    /// Inputs shared by the runtime benchmarks. Every benchmark loops over an array of <see cref="Count"/> inputs and
    /// declares that count as OperationsPerInvoke, so a reported time is per call and no call is a sub-nanosecond
    /// artefact of an empty loop; every result is folded into the returned value so the JIT cannot drop it.
    /// </summary>
    internal static class RuntimeInputs
    {
        public const int Count = 64;

        /// <summary>Small enum (6 members, 0..5): AGENT_SESSION_EVENT.</summary>
        public static AGENT_SESSION_EVENT[] SmallDefined() => Cycle(Enum.GetValues<AGENT_SESSION_EVENT>());

        /// <summary>Large enum (74 members, -4..58 with aliases): InputScope.</summary>
        public static InputScope[] LargeDefined() => Cycle(Enum.GetValues<InputScope>());

        /// <summary>Values no member has: formatted as numbers.</summary>
        public static AGENT_SESSION_EVENT[] SmallUndefined() => Cycle(new[] { (AGENT_SESSION_EVENT)6, (AGENT_SESSION_EVENT)42, (AGENT_SESSION_EVENT)(-1), (AGENT_SESSION_EVENT)1000 });

        public static InputScope[] LargeUndefined() => Cycle(new[] { (InputScope)59, (InputScope)(-5), (InputScope)1000, (InputScope)int.MaxValue });

        /// <summary>Combinations of two to four TAPI_EVENT flags ("TE_CALLNOTIFICATION, TE_CALLSTATE").</summary>
        public static TAPI_EVENT[] FlagCombinations() => Cycle(new[]
        {
            TAPI_EVENT.TE_CALLNOTIFICATION | TAPI_EVENT.TE_CALLSTATE,
            TAPI_EVENT.TE_ADDRESS | TAPI_EVENT.TE_CALLMEDIA | TAPI_EVENT.TE_AGENT,
            TAPI_EVENT.TE_TAPIOBJECT | TAPI_EVENT.TE_CALLHUB | TAPI_EVENT.TE_QOSEVENT | TAPI_EVENT.TE_PHONEEVENT,
            TAPI_EVENT.TE_DIGITEVENT | TAPI_EVENT.TE_GATHERDIGITS,
        });

        /// <summary>
        /// Combinations of two to four PROPDESC_TYPE_FLAGS flags, an enum with a composite member (PDTF_MASK_ALL is
        /// every other flag together), so formatting cannot just name the set bits.
        /// </summary>
        public static PROPDESC_TYPE_FLAGS[] CompositeFlagCombinations() => Cycle(new[]
        {
            PROPDESC_TYPE_FLAGS.PDTF_MULTIPLEVALUES | PROPDESC_TYPE_FLAGS.PDTF_ISGROUP,
            PROPDESC_TYPE_FLAGS.PDTF_ISINNATE | PROPDESC_TYPE_FLAGS.PDTF_CANSTACKBY | PROPDESC_TYPE_FLAGS.PDTF_ISVIEWABLE,
            PROPDESC_TYPE_FLAGS.PDTF_ISSYSTEMPROPERTY | PROPDESC_TYPE_FLAGS.PDTF_ISQUERYABLE | PROPDESC_TYPE_FLAGS.PDTF_CANBEPURGED | PROPDESC_TYPE_FLAGS.PDTF_ISTREEPROPERTY,
            PROPDESC_TYPE_FLAGS.PDTF_SEARCHRAWVALUE | PROPDESC_TYPE_FLAGS.PDTF_ALWAYSINSUPPLEMENTALSTORE,
        });

        public static string[] Strings(string name) => Cycle(new[] { name });

        public static string[] Strings<T>(T[] values) where T : struct, Enum => Array.ConvertAll(values, v => v.ToString());

        public static byte[][] Utf8(string[] names) => Array.ConvertAll(names, n => Encoding.UTF8.GetBytes(n));

        public static T[] Cycle<T>(T[] items)
        {
            var result = new T[Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = items[i % items.Length];
            }

            return result;
        }

        /// <summary>Fails the setup (so no number is reported) when ours and the baseline disagree on an input.</summary>
        public static void Same<T>(T expected, T actual, string what)
        {
            if (!Equals(expected, actual))
            {
                throw new InvalidOperationException($"{what}: System gives '{expected}', TapiGen gives '{actual}'.");
            }
        }
    }
}
