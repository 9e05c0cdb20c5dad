using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TapiGen.PackageTests.Infrastructure;
using Xunit;

namespace TapiGen.PackageTests
{
    /// <summary>`dotnet pack` on the solution makes one package: every other project opts out.</summary>
    public class SolutionPackagingTests
    {
        [Fact]
        public void Only_the_package_project_is_packable()
        {
            string[] projects = Regex.Matches(File.ReadAllText(RepoRoot.Combine("TapiGen.sln")), "\"([^\"]+\\.csproj)\"")
                .Select(m => m.Groups[1].Value.Replace('\\', '/'))
                .ToArray();
            Assert.NotEmpty(projects);
            Assert.DoesNotContain(XDocument.Load(RepoRoot.Combine("Directory.Build.props")).Descendants(), e => e.Name.LocalName == "IsPackable");
            string[] packable = projects.Where(IsPackable).ToArray();
            Assert.Equal(new[] { "runtime/TapiGen.Runtime/TapiGen.Runtime.csproj" }, packable);
        }

        /// <summary>The SDK's rule: packable unless IsPackable is false or it is a test project.</summary>
        private static bool IsPackable(string project)
        {
            XElement[] properties = XDocument.Load(RepoRoot.Combine(project)).Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup").ToArray();
            bool Is(string name, string value) => properties.Any(p => p.Name.LocalName == name && string.Equals(p.Value.Trim(), value, StringComparison.OrdinalIgnoreCase));
            return !Is("IsPackable", "false") && !Is("IsTestProject", "true");
        }
    }
}
