using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TapiGen.PackageTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.PackageTests
{
    /// <summary>
    /// The README's install commands and `TapiEnum` items, as a user types them: a new project gets TapiGen from the
    /// local feed through `dotnet new nugetconfig`, `dotnet nuget add source` and `dotnet add package`, lists its pages
    /// with the README's items (an ATTRIBUTION.md beside them, excluded), builds with warnings as errors and runs the
    /// package README's example. The package's own README is for package users, and shares the README's blocks.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class ReadmeInstallTests
    {
        private const string Feed = "~/tapigen-feed";
        private const string ProjectName = "Contoso.Telephony";

        private static readonly string s_readme = Read("README.md");
        private static readonly string s_packageReadme = Read("runtime/TapiGen.Runtime/README.md");

        private readonly PackageFixture _fixture;
        private readonly ITestOutputHelper _output;

        public ReadmeInstallTests(PackageFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        [Fact]
        public void The_README_commands_and_items_give_a_project_that_builds_and_runs()
        {
            string[] commands = Block(s_readme, "<!-- install-commands").Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
                .ToArray();

            // The first command packs; the fixture packed the same project the same way, into its own feed folder.
            Assert.Equal("dotnet pack runtime/TapiGen.Runtime -c Release -o " + Feed, commands[0]);
            Assert.Equal("dotnet add package TapiGen --version " + _fixture.Pack.Version, commands[commands.Length - 1]);
            _ = _fixture.PackagePath;

            string project = CreateProject();
            foreach (string command in commands.Skip(1))
            {
                var arguments = command.Split(' ').Skip(1).Select(a => a == Feed ? _fixture.FeedDirectory : a).ToList();
                if (arguments[0] == "add")
                {
                    arguments.AddRange(new[] { "--package-directory", _fixture.PackagesDirectory }); // no user cache involved
                }

                Assert.True(Succeeded(DotNetCli.Run(project, arguments.ToArray())), command + " failed");
            }

            Assert.Contains("tapigen-local", File.ReadAllText(Path.Combine(project, "nuget.config")));
            Assert.True(Succeeded(DotNetCli.Run(project, "build", ProjectName + ".csproj", "-p:RestorePackagesPath=" + _fixture.PackagesDirectory, "-warnaserror")), "the project did not build");
            AssertRestored(project);

            string assembly = Path.Combine(project, "bin", "Debug", "net10.0", ProjectName + ".dll");
            IReadOnlyDictionary<string, BuiltEnum> enums = BuiltEnums.Read(assembly);
            Assert.Equal(new[] { "Contoso.Tapi.Legacy.AGENT_STATE", "Contoso.Telephony.AGENT_SESSION_EVENT" }, enums.Keys.OrderBy(k => k, StringComparer.Ordinal));

            // The package README's example is the program: it prints what its comments say.
            CommandResult run = DotNetCli.Run(project, assembly);
            Assert.True(Succeeded(run), "the program failed");
            string[] expected = Block(s_packageReadme, "<!-- package-example").Split('\n')
                .Where(l => l.Contains("// ", StringComparison.Ordinal) && l.TrimStart().StartsWith("Console.", StringComparison.Ordinal))
                .Select(l => l.Substring(l.IndexOf("// ", StringComparison.Ordinal) + 3).Split(',')[0].Trim())
                .ToArray();
            Assert.Equal(new[] { "ASE_READY", "The agent is able to handle calls for this session." }, expected);
            Assert.Equal(expected, run.Output.TrimEnd().Split('\n'));

            // Without the Exclude, the licence notes fail the build; with a pattern that matches nothing, TG0035 says so.
            string projectFile = Path.Combine(project, ProjectName + ".csproj");
            string items = Block(s_readme, "<!-- use-items");
            File.WriteAllText(projectFile, ProjectXml(items.Replace(" Exclude=\"manifests/**/ATTRIBUTION.md\"", string.Empty, StringComparison.Ordinal), _fixture.Pack.Version));
            CommandResult noExclude = DotNetCli.Run(project, "build", ProjectName + ".csproj", "-p:RestorePackagesPath=" + _fixture.PackagesDirectory);
            Assert.False(Succeeded(noExclude));
            Assert.Contains("ATTRIBUTION.md(1,1): error TG0001: Manifest 'ATTRIBUTION.md' has no '## -enum-fields' section", noExclude.Output);

            File.WriteAllText(projectFile, ProjectXml("  <ItemGroup>\n    <TapiEnum Include=\"manifest/*.md\" />\n  </ItemGroup>\n", _fixture.Pack.Version));
            CommandResult noItems = DotNetCli.Run(project, "build", ProjectName + ".csproj", "-p:RestorePackagesPath=" + _fixture.PackagesDirectory);
            Assert.False(Succeeded(noItems)); // the program uses the enums: CS0246
            // An error here only because the project treats warnings as errors.
            Assert.Contains("CSC : error TG0035: TapiGen is referenced but the project has no TapiEnum item", noItems.Output);
            Assert.Contains("docs/diagnostics.md#tg0035", noItems.Output);
        }

        [Fact]
        public void The_package_README_is_for_package_users_and_shares_the_README_blocks()
        {
            foreach (string repositoryCommand in new[] { "dotnet run --project", "dotnet test", "dotnet pack", "samples/", "tests/" })
            {
                Assert.DoesNotContain(repositoryCommand, StripComments(s_packageReadme));
            }

            Assert.Equal(Block(s_readme, "<!-- use-items"), Block(s_packageReadme, "<!-- use-items"));
            Assert.Equal("dotnet add package TapiGen --version " + _fixture.Pack.Version, Block(s_packageReadme, "<!-- package-add").Trim());
            Assert.Contains(_fixture.Pack.Version + "/", s_packageReadme); // the cache folder it names
        }

        /// <summary>A new console project, named as the example's namespace, with the README's items and pages for them.</summary>
        private string CreateProject()
        {
            string root = Path.Combine(_fixture.WorkDirectory, "readme");
            string project = Path.Combine(root, ProjectName);
            Directory.CreateDirectory(project);

            // Like the consumers: nothing above this folder takes part in the build.
            const string Empty = "<Project>\n</Project>\n";
            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), Empty);
            File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), Empty);

            File.WriteAllText(Path.Combine(project, ProjectName + ".csproj"), ProjectXml(Block(s_readme, "<!-- use-items")));
            File.WriteAllText(Path.Combine(project, "Program.cs"), Block(s_packageReadme, "<!-- package-example"));

            string pages = RepoRoot.Combine("samples", "TapiGen.Sample", "manifests");
            Copy(Path.Combine(pages, "tapi3", "ne-tapi3-agent_session_event.md"), Path.Combine(project, "manifests", "tapi3", "ne-tapi3-agent_session_event.md"));
            Copy(Path.Combine(pages, "ATTRIBUTION.md"), Path.Combine(project, "manifests", "ATTRIBUTION.md"));
            Copy(Path.Combine(pages, "ATTRIBUTION.md"), Path.Combine(project, "manifests", "tapi3", "ATTRIBUTION.md"));
            Copy(Path.Combine(pages, "tapi3", "ne-tapi3-agent_state.md"), Path.Combine(project, "legacy", "ne-tapi3-agent_state.md"));
            return project;
        }

        /// <summary>A console project as `dotnet new console` makes it (warnings as errors), with these items; TapiGen once added.</summary>
        private static string ProjectXml(string items, string? tapiGenVersion = null)
            => "<Project Sdk=\"Microsoft.NET.Sdk\">\n"
                + "  <PropertyGroup>\n"
                + "    <OutputType>Exe</OutputType>\n"
                + "    <TargetFramework>net10.0</TargetFramework>\n"
                + "    <ImplicitUsings>enable</ImplicitUsings>\n"
                + "    <Nullable>enable</Nullable>\n"
                + "    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n"
                + "  </PropertyGroup>\n"
                + (tapiGenVersion is null ? string.Empty : "  <ItemGroup>\n    <PackageReference Include=\"TapiGen\" Version=\"" + tapiGenVersion + "\" />\n  </ItemGroup>\n")
                + items
                + "</Project>\n";

        private void AssertRestored(string project)
        {
            using JsonDocument assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "obj", "project.assets.json")));
            Assert.Contains("TapiGen/" + _fixture.Pack.Version, assets.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name));
        }

        private bool Succeeded(CommandResult result)
        {
            _output.WriteLine(result.ToString());
            return result.Succeeded;
        }

        private static void Copy(string from, string to)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
        }

        /// <summary>The fenced block after a marker comment.</summary>
        private static string Block(string text, string marker)
        {
            int at = text.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(at >= 0, "no " + marker + " block");
            int start = text.IndexOf('\n', text.IndexOf("```", at, StringComparison.Ordinal)) + 1;
            return text.Substring(start, text.IndexOf("```", start, StringComparison.Ordinal) - start);
        }

        private static string StripComments(string text)
            => System.Text.RegularExpressions.Regex.Replace(text, "<!--.*?-->", string.Empty, System.Text.RegularExpressions.RegexOptions.Singleline);

        private static string Read(string path) => File.ReadAllText(RepoRoot.Combine(path.Split('/'))).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
