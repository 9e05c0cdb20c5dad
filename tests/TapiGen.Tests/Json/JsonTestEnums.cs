using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using TapiGen.Tests.Infrastructure;

namespace TapiGen.Tests.Json
{
    /// <summary>
    /// The enums the JSON behaviour tests run, compiled once per option set (a compilation takes about a second):
    /// real pages for the common shapes (the long InputScope page runs in CorpusJsonTests), inline ones for the corners (aliases, 64-bit flags, names beyond ASCII).
    /// </summary>
    public static class JsonTestEnums
    {
        /// <summary>A record holding an enum every way a model would: plain, nullable, in an array, as dictionary keys.</summary>
        public const string Consumer = @"
namespace Tapi.Tests
{
    internal sealed record Holder<T>(T Value, T? Maybe, T[] Many, System.Collections.Generic.Dictionary<T, int> Keys) where T : struct, System.Enum;
}
";

        public static readonly TestManifest[] Manifests =
        {
            TestManifests.Page("ne-tapi3-agent_session_event.md"),
            TestManifests.Page("ne-tapi3if-tapi_event.md"),
            TestManifests.Page("ne-propsys-propdesc_type_flags.md"),
            TestManifests.Page("ne-tapi3if-call_state.md"),
            TestManifests.Inline("WIDE", "A:-1", "B:0x100000000"),
            TestManifests.Inline("UWIDE", "A:0", "B:0xFFFFFFFFFFFFFFFF"),
            TestManifests.Inline("FLAGS64", "NONE:0", "A:0x1", "B:0x2", "C:0x4", "TOP:0x8000000000000000"),
            TestManifests.Inline("ALIASES", "MM:1", "ZZ:1", "AA:1", "B:2"),
            TestManifests.Inline("FLAG_ALIASES", "NONE:0", "X:0x1", "Y:0x2", "XA:0x1", "BOTH:0x3", "BOTH2:0x3", "Z:0x4", "W:0x10"),
            TestManifests.Inline("NO_ZERO_FLAGS", "X:0x1", "Y:0x2", "Z:0x4"),
            TestManifests.Inline("UNICODE", "\u00C4RGER:1", "Stra\u00DFe:2", "\u017Ftop:3", "\u0131x:4"),
            ManyAliases,
            ManyFlagAliases,
        };

        /// <summary>
        /// 46 members, three names for most values (the Direct3D version aliases' shape): over 16 members System.Enum's
        /// sort is not stable and over 32 ToString searches binary, so Enum.ToString and JsonStringEnumConverter name
        /// some values with different aliases, and neither with the first declared.
        /// </summary>
        public static TestManifest ManyAliases => TestManifests.Inline(
            "MANY_ALIASES",
            Enumerable.Range(0, 16).Select(i => "D3D_X" + i + ":" + i)
                .Concat(Enumerable.Range(0, 16).Select(i => "D3D10_X" + i + ":" + i))
                .Concat(Enumerable.Range(0, 14).Select(i => "D3D11_X" + i + ":" + i))
                .ToArray());

        /// <summary>The same for [Flags]: three names for most bits, a zero and a composite member.</summary>
        public static TestManifest ManyFlagAliases => TestManifests.Inline(
            "MANY_FLAG_ALIASES",
            Enumerable.Range(0, 12).Select(i => "A_X" + i + ":0x" + (1 << i).ToString("X", System.Globalization.CultureInfo.InvariantCulture))
                .Concat(Enumerable.Range(0, 12).Select(i => "B_X" + i + ":0x" + (1 << i).ToString("X", System.Globalization.CultureInfo.InvariantCulture)))
                .Concat(Enumerable.Range(0, 10).Select(i => "C_X" + i + ":0x" + (1 << i).ToString("X", System.Globalization.CultureInfo.InvariantCulture)))
                .Concat(new[] { "NONE:0", "ALL_LOW:0x7" })
                .ToArray());

        // JsonCompatibilityTests and JsonSnapshotTests check this code compiles without warnings; here it only has to run.
        private static readonly Lazy<Assembly> s_defaults = new Lazy<Assembly>(() => JsonCompilation.Load(Manifests, consumer: Consumer, checkWarnings: false));

        private static readonly Lazy<Assembly> s_ignoreCase = new Lazy<Assembly>(() => JsonCompilation.Load(
            Manifests, JsonCompilation.Properties(("JsonIgnoreCase", "true")), Consumer, checkWarnings: false));

        private static readonly Lazy<Assembly> s_strict = new Lazy<Assembly>(() => JsonCompilation.Load(
            Manifests, JsonCompilation.Properties(("JsonUndefined", "Error"), ("JsonAllowNumbers", "false")), Consumer, checkWarnings: false));

        /// <summary>Default options: case-sensitive, numbers allowed, undefined values as numbers.</summary>
        public static Assembly Defaults => s_defaults.Value;

        /// <summary>TapiGenJsonIgnoreCase=true: the mode JsonStringEnumConverter always reads in.</summary>
        public static Assembly IgnoreCase => s_ignoreCase.Value;

        /// <summary>TapiGenJsonUndefined=Error and TapiGenJsonAllowNumbers=false.</summary>
        public static Assembly Strict => s_strict.Value;

        public static Type Enum(Assembly assembly, string name) => JsonCompilation.EnumType(assembly, name);

        public static Type Holder(Assembly assembly, Type enumType)
            => assembly.GetType(GeneratorHarness.DefaultNamespace + ".Holder`1")!.MakeGenericType(enumType);

        public static IEnumerable<string> Names => new[]
        {
            "AGENT_SESSION_EVENT", "TAPI_EVENT", "PROPDESC_TYPE_FLAGS", "CALL_STATE", "WIDE", "UWIDE", "FLAGS64",
            "ALIASES", "FLAG_ALIASES", "NO_ZERO_FLAGS", "UNICODE", "MANY_ALIASES", "MANY_FLAG_ALIASES",
        };
    }
}
