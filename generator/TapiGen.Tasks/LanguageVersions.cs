using System.Globalization;

namespace TapiGen.Tasks
{
    /// <summary>
    /// $(LangVersion) as the generator's number (7.3 is 703, 14 is 1400). The SDK sets it from the target framework;
    /// "latest", "latestMajor", "default" and "preview" mean the newest the SDK's compiler has, read from the SDK's
    /// major version (the .NET 10 SDK's compiler has C# 14, 9's C# 13, 8's C# 12).
    /// </summary>
    internal static class LanguageVersions
    {
        public static int Number(string langVersion, string sdkVersion)
        {
            string[] parts = langVersion.Trim().Split('.');
            if (parts.Length <= 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
                && major >= 1
                && (parts.Length == 1 || int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                int minor = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
                return major * 100 + minor;
            }

            return Newest(sdkVersion);
        }

        private static int Newest(string sdkVersion)
        {
            int dot = sdkVersion.IndexOf('.');
            int major = int.TryParse(dot < 0 ? sdkVersion : sdkVersion.Substring(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out int m) ? m : 0;
            return major >= 5 ? (major + 4) * 100 : 1200; // SDK 8: C# 12, 9: 13, 10: 14
        }
    }
}
