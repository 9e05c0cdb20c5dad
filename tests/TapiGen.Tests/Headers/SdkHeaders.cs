using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace TapiGen.Tests.Headers
{
    /// <summary>
    /// The Windows SDK C headers, from the Microsoft.Windows.SDK.CPP package that restore downloads (PackageDownload in
    /// TapiGen.Tests.csproj): the um and shared include folders of 10.0.26100.0.
    /// </summary>
    public static class SdkHeaders
    {
        public const string PackageId = "Microsoft.Windows.SDK.CPP";

        public const string PackageVersion = "10.0.26100.9169";

        public const string SdkVersion = "10.0.26100.0";

        private static readonly Lazy<string> s_include = new Lazy<string>(FindInclude);

        /// <summary>…/c/Include/10.0.26100.0 in the package.</summary>
        public static string Include => s_include.Value;

        public static string Um => Path.Combine(Include, "um");

        public static string Shared => Path.Combine(Include, "shared");

        /// <summary>
        /// The header called <paramref name="fileName"/> in um, else in shared, whatever its case: the package spells
        /// Tapi3if.h what documentation pages call tapi3if.h. Throws when there is none.
        /// </summary>
        public static string Find(string fileName)
            => TryFind(fileName) ?? throw new FileNotFoundException($"No header {fileName} in {Um} or {Shared}", fileName);

        public static string? TryFind(string fileName)
        {
            foreach (string dir in new[] { Um, Shared })
            {
                string exact = Path.Combine(dir, fileName);
                if (File.Exists(exact))
                {
                    return exact;
                }

                // Ordinal order, so the same file wins every time if two differ only in case.
                string? match = Directory.EnumerateFiles(dir)
                    .Where(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (match is not null)
                {
                    return match;
                }
            }

            return null;
        }

        private static string FindInclude()
        {
            string root = typeof(SdkHeaders).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "NuGetPackageRoot").Value!;
            string include = Path.Combine(root, PackageId.ToLowerInvariant(), PackageVersion, "c", "Include", SdkVersion);
            if (!Directory.Exists(Path.Combine(include, "um")) || !Directory.Exists(Path.Combine(include, "shared")))
            {
                throw new DirectoryNotFoundException($"Restore downloads {PackageId} {PackageVersion} to {include} (PackageDownload in TapiGen.Tests.csproj)");
            }

            return include;
        }

        /// <summary>The headers ordered so each comes after those it includes (the order a compiler meets them in).</summary>
        public static List<string> IncludeOrder(List<string> headers)
        {
            var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (string header in headers)
            {
                byName.TryAdd(Path.GetFileName(header), header);
            }

            var include = new Regex(@"^\s*#\s*include\s*[<""](?<name>[^>""]+)[>""]", RegexOptions.Multiline);
            var ordered = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Visit(string header)
            {
                if (!seen.Add(header))
                {
                    return;
                }

                foreach (Match match in include.Matches(File.ReadAllText(header)))
                {
                    if (byName.TryGetValue(Path.GetFileName(match.Groups["name"].Value), out string? dependency))
                    {
                        Visit(dependency);
                    }
                }

                ordered.Add(header);
            }

            foreach (string header in headers)
            {
                Visit(header);
            }

            return ordered;
        }
    }
}
