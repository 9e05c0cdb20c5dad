using System;
using System.Collections.Generic;
using TapiGen.Generator.Model;

namespace TapiGen.Generator.Parsing.C
{
    /// <summary>
    /// The configuration TapiGen reads headers in: what a current Windows SDK compiles for C, x64, the desktop API
    /// family and the newest Windows version. Conditions are decided from it and from the listed headers' own
    /// macros; one that depends on anything else is unknown, never guessed.
    /// </summary>
    /// <remarks>
    /// The Windows version macros (NTDDI_VERSION, _WIN32_WINNT, WINVER, _WIN32_IE) stand for the newest version: a
    /// comparison <c>NTDDI_VERSION &gt;= NTDDI_WIN10_RS2</c> is true without knowing NTDDI_WIN10_RS2, which is what
    /// sdkddkver.h gives when nothing is predefined (NTDDI_VERSION = WDK_NTDDI_VERSION, the SDK's newest).
    /// </remarks>
    internal static class CEnvironment
    {
        public const string Description = "C for x64, the desktop API family and the newest Windows version";

        private static readonly HashSet<string> s_newest = new HashSet<string>(StringComparer.Ordinal)
        {
            "NTDDI_VERSION", "_WIN32_WINNT", "WINVER", "_WIN32_IE",
        };

        /// <summary>Macros the compiler (or the build) defines in this configuration, with their bodies.</summary>
        private static readonly Dictionary<string, CMacro> s_defined = Build();

        /// <summary>Macros certainly not defined in this configuration: other compilers, languages and architectures.</summary>
        private static readonly HashSet<string> s_undefined = new HashSet<string>(StringComparer.Ordinal)
        {
            "__cplusplus", "__midl", "MIDL_PASS", "__MIDL__", "RC_INVOKED", "_MAC", "_KERNEL_MODE", "_WIN32_WINDOWS",
            "_M_IX86", "_X86_", "_M_ARM", "_ARM_", "_M_ARM64", "_ARM64_", "_M_ARM64EC", "_ARM64EC_", "_M_HYBRID_X86_ARM64",
            "_CHPE_X86_ARM64_", "_M_IA64", "_IA64_", "_68K_", "_MPPC_", "__GNUC__", "__clang__",
        };

        /// <summary>Whether a macro is defined in this configuration: true, false, or null when it is not known here.</summary>
        public static bool? IsDefined(string name)
            => s_newest.Contains(name) || s_defined.ContainsKey(name) ? true : s_undefined.Contains(name) ? false : (bool?)null;

        /// <summary>A built-in macro (the compiler's, or the desktop family's partition macros), or null.</summary>
        public static CMacro? Macro(string name) => s_defined.TryGetValue(name, out CMacro? macro) ? macro : null;

        /// <summary>An identifier left after expansion in a '#if': 0 when certainly undefined, the newest version, or unknown.</summary>
        public static CValue ConditionValue(string name)
            => s_newest.Contains(name) ? CValue.Newest
                : s_undefined.Contains(name) || name == "defined()" ? CValue.Of(System.Numerics.BigInteger.Zero, CType.LongLong)
                : CValue.Unknown(name);

        private static Dictionary<string, CMacro> Build()
        {
            var map = new Dictionary<string, CMacro>(StringComparer.Ordinal);
            void Define(string name, string body, params string[] parameters)
                => map[name] = new CMacro(name, parameters.Length > 0, parameters.ToEquatableArray(), CLexer.Tokenize(body).ToEquatableArray(), "(built in)", 0);

            Define("_WIN32", "1");
            Define("_WIN64", "1");
            Define("_M_AMD64", "100");
            Define("_M_X64", "100");
            Define("_AMD64_", "1");
            Define("_MSC_VER", "1940");
            Define("_INTEGRAL_MAX_BITS", "64");
            Define("_MSC_EXTENSIONS", "1");
            Define("WINAPI_FAMILY_DESKTOP_APP", "100");
            Define("WINAPI_FAMILY", "100");
            Define("WINAPI_PARTITION_DESKTOP", "1");
            Define("WINAPI_PARTITION_APP", "1");
            Define("WINAPI_PARTITION_PC_APP", "1");
            Define("WINAPI_PARTITION_GAMES", "1");
            Define("WINAPI_PARTITION_PHONE_APP", "0");
            Define("WINAPI_PARTITION_PHONE", "0");
            Define("WINAPI_PARTITION_SYSTEM", "0");
            Define("WINAPI_PARTITION_SERVER", "0");
            Define("WINAPI_FAMILY_PARTITION", "(Partitions)", "Partitions");
            return map;
        }
    }
}
