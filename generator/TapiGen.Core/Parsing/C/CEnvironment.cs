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

        /// <summary>
        /// The opt-out macros windows.h documents ("define NOGDI to exclude GDI"): undefined unless the build defines them,
        /// so a listed header's own '#define' of one wins over this.
        /// </summary>
        private static readonly HashSet<string> s_optOut = new HashSet<string>(StringComparer.Ordinal)
        {
            "NOGDICAPMASKS", "NOVIRTUALKEYCODES", "NOWINMESSAGES", "NOWINSTYLES", "NOSYSMETRICS", "NOMENUS", "NOICONS",
            "NOKEYSTATES", "NOSYSCOMMANDS", "NORASTEROPS", "NOSHOWWINDOW", "OEMRESOURCE", "NOATOM", "NOCLIPBOARD", "NOCOLOR",
            "NOCTLMGR", "NODRAWTEXT", "NOGDI", "NOKERNEL", "NOUSER", "NONLS", "NOMB", "NOMEMMGR", "NOMETAFILE", "NOMINMAX",
            "NOMSG", "NOOPENFILE", "NOSCROLL", "NOSERVICE", "NOSOUND", "NOTEXTMETRIC", "NOWH", "NOWINOFFSETS", "NOCOMM",
            "NOKANJI", "NOHELP", "NOPROFILER", "NODEFERWINDOWPOS", "NOMCX", "WIN32_LEAN_AND_MEAN", "NOAPISET", "NOCRYPT",
        };

        /// <summary>Whether the compiler or the configuration defines a macro: true, false, or null when they say nothing.</summary>
        public static bool? IsDefined(string name)
            => s_newest.Contains(name) || s_defined.ContainsKey(name) ? true : s_undefined.Contains(name) ? false : (bool?)null;

        /// <summary>A windows.h opt-out macro, undefined unless a listed header (or the build) defines it.</summary>
        public static bool IsOptOut(string name) => s_optOut.Contains(name);

        /// <summary>A built-in macro (the compiler's, or the desktop family's partition macros), or null.</summary>
        public static CMacro? Macro(string name) => s_defined.TryGetValue(name, out CMacro? macro) ? macro : null;

        /// <summary>An identifier left after expansion in a '#if': 0 when certainly undefined, the newest version, or unknown.</summary>
        public static CValue ConditionValue(string name)
            => s_newest.Contains(name) ? CValue.Newest
                : s_undefined.Contains(name) || s_optOut.Contains(name) ? CValue.Of(System.Numerics.BigInteger.Zero, CType.LongLong)
                : CValue.Unknown(name);

        private const string SdkVersionConstants =
            "_WIN32_WINNT_NT4=0x0400 _WIN32_WINNT_WIN2K=0x0500 _WIN32_WINNT_WINXP=0x0501 _WIN32_WINNT_WS03=0x0502 _WIN32_WINNT_WIN6=0x0600 "
            + "_WIN32_WINNT_VISTA=0x0600 _WIN32_WINNT_WS08=0x0600 _WIN32_WINNT_LONGHORN=0x0600 _WIN32_WINNT_WIN7=0x0601 _WIN32_WINNT_WIN8=0x0602 "
            + "_WIN32_WINNT_WINBLUE=0x0603 _WIN32_WINNT_WINTHRESHOLD=0x0A00 _WIN32_WINNT_WIN10=0x0A00 _WIN32_IE_IE20=0x0200 _WIN32_IE_IE30=0x0300 "
            + "_WIN32_IE_IE302=0x0302 _WIN32_IE_IE40=0x0400 _WIN32_IE_IE401=0x0401 _WIN32_IE_IE50=0x0500 _WIN32_IE_IE501=0x0501 _WIN32_IE_IE55=0x0550 "
            + "_WIN32_IE_IE60=0x0600 _WIN32_IE_IE60SP1=0x0601 _WIN32_IE_IE60SP2=0x0603 _WIN32_IE_IE70=0x0700 _WIN32_IE_IE80=0x0800 _WIN32_IE_IE90=0x0900 "
            + "_WIN32_IE_IE100=0x0A00 _WIN32_IE_IE110=0x0A00 _WIN32_IE_WS03=0x0602 NTDDI_WIN4=0x04000000 NTDDI_WIN2K=0x05000000 NTDDI_WIN2KSP1=0x05000100 "
            + "NTDDI_WIN2KSP2=0x05000200 NTDDI_WIN2KSP3=0x05000300 NTDDI_WIN2KSP4=0x05000400 NTDDI_WINXP=0x05010000 NTDDI_WINXPSP1=0x05010100 "
            + "NTDDI_WINXPSP2=0x05010200 NTDDI_WINXPSP3=0x05010300 NTDDI_WINXPSP4=0x05010400 NTDDI_WS03=0x05020000 NTDDI_WS03SP1=0x05020100 "
            + "NTDDI_WS03SP2=0x05020200 NTDDI_WS03SP3=0x05020300 NTDDI_WS03SP4=0x05020400 NTDDI_WIN6=0x06000000 NTDDI_WIN6SP1=0x06000100 "
            + "NTDDI_WIN6SP2=0x06000200 NTDDI_WIN6SP3=0x06000300 NTDDI_WIN6SP4=0x06000400 NTDDI_WIN7=0x06010000 NTDDI_WIN8=0x06020000 "
            + "NTDDI_WINBLUE=0x06030000 NTDDI_WINTHRESHOLD=0x0A000000 NTDDI_WIN10=0x0A000000 NTDDI_WIN10_TH2=0x0A000001 NTDDI_WIN10_RS1=0x0A000002 "
            + "NTDDI_WIN10_RS2=0x0A000003 NTDDI_WIN10_RS3=0x0A000004 NTDDI_WIN10_RS4=0x0A000005 NTDDI_WIN10_RS5=0x0A000006 NTDDI_WIN10_19H1=0x0A000007 "
            + "NTDDI_WIN10_VB=0x0A000008 NTDDI_WIN10_MN=0x0A000009 NTDDI_WIN10_FE=0x0A00000A NTDDI_WIN10_CO=0x0A00000B NTDDI_WIN10_NI=0x0A00000C "
            + "NTDDI_WIN10_CU=0x0A00000D NTDDI_WIN11_ZN=0x0A00000E NTDDI_WIN11_GA=0x0A00000F NTDDI_WIN11_GE=0x0A000010 WDK_NTDDI_VERSION=0x0A000010 "
            + "OSVERSION_MASK=0xFFFF0000 SPVERSION_MASK=0x0000FF00 SUBVERSION_MASK=0x000000FF";

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

            // The version constants of sdkddkver.h (Windows SDK 10.0.26100), so 'defined(NTDDI_WIN10_ZN)' and
            // 'NTDDI_VERSION >= NTDDI_WIN10_RS2' are decided without listing it; a newer constant is unknown until it is.
            foreach (string pair in SdkVersionConstants.Split(' '))
            {
                int equals = pair.IndexOf('=');
                Define(pair.Substring(0, equals), pair.Substring(equals + 1));
            }

            return map;
        }
    }
}
