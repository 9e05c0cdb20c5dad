using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using TapiGen.PackageTests.Infrastructure;
using Xunit;

namespace TapiGen.PackageTests
{
    /// <summary>What `dotnet pack` puts into TapiGen.&lt;version&gt;.nupkg.</summary>
    [Collection(PackageCollection.Name)]
    public class PackageContentsTests
    {
        private readonly PackageFixture _fixture;

        public PackageContentsTests(PackageFixture fixture) => _fixture = fixture;

        [Fact]
        public void The_package_is_named_after_its_id_and_the_repository_version()
        {
            string version = XDocument.Load(RepoRoot.Combine("Directory.Build.props")).Descendants("Version").Single().Value;
            Assert.Equal("TapiGen." + version + ".nupkg", Path.GetFileName(_fixture.PackagePath));
            Assert.Equal(version, _fixture.Pack.Version);
        }

        [Fact]
        public void The_package_holds_the_generator_its_code_fixes_the_build_task_and_the_build_files_and_no_library()
        {
            using ZipArchive zip = ZipFile.OpenRead(_fixture.PackagePath);
            string[] content = zip.Entries
                .Select(e => e.FullName)
                .Where(name => !IsPackagingPart(name))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(
                new[]
                {
                    "README.md",
                    "analyzers/dotnet/cs/TapiGen.CodeFixes.dll",
                    "analyzers/dotnet/cs/TapiGen.Core.dll",
                    "analyzers/dotnet/cs/TapiGen.Generator.dll",
                    "build/TapiGen.props",
                    "build/TapiGen.targets",
                    "buildTransitive/TapiGen.props",
                    "buildTransitive/TapiGen.targets",
                    "tasks/netstandard2.0/TapiGen.Core.dll",
                    "tasks/netstandard2.0/TapiGen.Tasks.dll",
                },
                content);
        }

        [Theory]
        [InlineData("build/TapiGen.props", "generator/TapiGen.Generator/build/TapiGen.props")]
        [InlineData("build/TapiGen.targets", "generator/TapiGen.Generator/build/TapiGen.targets")]
        [InlineData("buildTransitive/TapiGen.props", "generator/TapiGen.Generator/build/TapiGen.props")]
        [InlineData("buildTransitive/TapiGen.targets", "generator/TapiGen.Generator/build/TapiGen.targets")]
        [InlineData("README.md", "runtime/TapiGen.Runtime/README.md")]
        public void Packed_files_are_the_repositorys_own(string entry, string repoFile)
        {
            using ZipArchive zip = ZipFile.OpenRead(_fixture.PackagePath);
            using var packed = new MemoryStream();
            using (Stream stream = zip.GetEntry(entry)!.Open())
            {
                stream.CopyTo(packed);
            }

            Assert.Equal(File.ReadAllBytes(RepoRoot.Combine(repoFile)), packed.ToArray());
        }

        [Fact]
        public void The_nuspec_describes_the_package()
        {
            XElement metadata = Metadata();
            Assert.Equal("TapiGen", Value(metadata, "id"));
            Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
            Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "authors")));
            XElement license = Child(metadata, "license")!;
            Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
            Assert.Equal("README.md", Value(metadata, "readme"));
            XElement repository = Child(metadata, "repository")!;
            Assert.Equal("git", (string?)repository.Attribute("type"));
            Assert.StartsWith("https://", (string?)repository.Attribute("url"));
            Assert.StartsWith("https://", Value(metadata, "projectUrl"));
            Assert.Contains("source-generator", Value(metadata, "tags").Split(' '));
        }

        [Fact]
        public void The_nuspec_and_the_generators_help_links_name_one_repository()
        {
            // One constant (TapiGenRepositoryUrl, Directory.Build.props) sets all three; a test in TapiGen.Tests checks
            // that the help links are made from the core's copy (the generator and the task both report through it).
            XElement metadata = Metadata();
            string repository = (string)Child(metadata, "repository")!.Attribute("url")!;
            Assert.Equal(repository, Value(metadata, "projectUrl"));
            Assert.Equal(repository, AssemblyMetadata("analyzers/dotnet/cs/TapiGen.Core.dll", "TapiGenRepositoryUrl"));
            Assert.Equal(repository, AssemblyMetadata("tasks/netstandard2.0/TapiGen.Core.dll", "TapiGenRepositoryUrl"));
        }

        [Fact]
        public void The_package_depends_on_nothing_and_flows_to_the_users_of_a_TapiGen_library()
        {
            XElement metadata = Metadata();
            XElement? dependencies = Child(metadata, "dependencies");
            Assert.True(dependencies is null || !dependencies.Descendants().Any(e => e.Name.LocalName == "dependency"));

            // Not a development dependency: the usage analyzers help a library's users with its enums too, and
            // TG0035 stays quiet there (ConsumerTests shows one).
            Assert.NotEqual("true", Child(metadata, "developmentDependency")?.Value);
        }

        [Fact]
        public void The_generator_is_built_against_Roslyn_4_8_so_the_NET_8_SDK_can_load_it()
        {
            var references = AssemblyReferences("analyzers/dotnet/cs/TapiGen.Generator.dll");
            Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis"]);
            Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis.CSharp"]);
            Assert.Equal(new Version(2, 0, 0, 0), references["netstandard"]);
            // The compiler loads analyzers without the Workspaces layer: only the code fixes may use it.
            Assert.DoesNotContain(references.Keys, name => name.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal));
        }

        [Fact]
        public void The_core_and_the_task_reference_no_Roslyn_so_MSBuild_never_loads_the_compiler()
        {
            foreach (string entry in new[] { "analyzers/dotnet/cs/TapiGen.Core.dll", "tasks/netstandard2.0/TapiGen.Core.dll", "tasks/netstandard2.0/TapiGen.Tasks.dll" })
            {
                var references = AssemblyReferences(entry);
                Assert.DoesNotContain(references.Keys, name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
                Assert.Equal(new Version(2, 0, 0, 0), references["netstandard"]);
                // What the hosts bring: MSBuild 17.8 and Roslyn 4.8 both load System.Collections.Immutable 7.0.
                if (references.TryGetValue("System.Collections.Immutable", out Version? immutable))
                {
                    Assert.True(immutable <= new Version(7, 0, 0, 0), entry + " asks for System.Collections.Immutable " + immutable);
                }
            }

            var task = AssemblyReferences("tasks/netstandard2.0/TapiGen.Tasks.dll");
            Assert.Equal(new[] { "Microsoft.Build.Framework", "Microsoft.Build.Utilities.Core", "TapiGen.Core", "netstandard" },
                task.Keys.Where(k => k != "System.Collections.Immutable").OrderBy(k => k, StringComparer.Ordinal).ToArray());
            Assert.True(task["Microsoft.Build.Framework"] <= new Version(15, 1, 0, 0), "MSBuild assemblies keep version 15.1.0.0 in their names");
        }

        [Fact]
        public void The_code_fixes_are_built_against_Roslyn_4_8_so_Visual_Studio_17_8_can_load_them()
        {
            var references = AssemblyReferences("analyzers/dotnet/cs/TapiGen.CodeFixes.dll");
            Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis"]);
            Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis.CSharp"]);
            Assert.Equal(new Version(4, 8, 0, 0), references["Microsoft.CodeAnalysis.Workspaces"]);
            Assert.Equal(new Version(2, 0, 0, 0), references["netstandard"]);
        }

        private Dictionary<string, Version> AssemblyReferences(string entry)
        {
            using ZipArchive zip = ZipFile.OpenRead(_fixture.PackagePath);
            using var dll = new MemoryStream();
            using (Stream stream = zip.GetEntry(entry)!.Open())
            {
                stream.CopyTo(dll);
            }

            dll.Position = 0;
            using var pe = new PEReader(dll);
            MetadataReader reader = pe.GetMetadataReader();
            return reader.AssemblyReferences
                .Select(h => reader.GetAssemblyReference(h))
                .ToDictionary(r => reader.GetString(r.Name), r => r.Version);
        }

        /// <summary>The value of an [assembly: AssemblyMetadata(key, value)] of a packed assembly, read from its metadata.</summary>
        private string? AssemblyMetadata(string entry, string key)
        {
            using ZipArchive zip = ZipFile.OpenRead(_fixture.PackagePath);
            using var dll = new MemoryStream();
            using (Stream stream = zip.GetEntry(entry)!.Open())
            {
                stream.CopyTo(dll);
            }

            dll.Position = 0;
            using var pe = new PEReader(dll);
            MetadataReader reader = pe.GetMetadataReader();
            foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute attribute = reader.GetCustomAttribute(handle);
                if (attribute.Constructor.Kind != HandleKind.MemberReference)
                {
                    continue;
                }

                EntityHandle type = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
                if (type.Kind != HandleKind.TypeReference || reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type).Name) != "AssemblyMetadataAttribute")
                {
                    continue;
                }

                BlobReader value = reader.GetBlobReader(attribute.Value);
                value.ReadUInt16(); // prolog
                if (value.ReadSerializedString() == key)
                {
                    return value.ReadSerializedString();
                }
            }

            return null;
        }

        private static bool IsPackagingPart(string name)
            => name.StartsWith("_rels/", StringComparison.Ordinal)
                || name.StartsWith("package/", StringComparison.Ordinal)
                || name == "[Content_Types].xml"
                || name == "TapiGen.nuspec";

        private XElement Metadata() => Child(PackageFixture.ReadNuspec(_fixture.PackagePath).Root!, "metadata")!;

        private static XElement? Child(XElement parent, string localName)
            => parent.Elements().SingleOrDefault(e => e.Name.LocalName == localName);

        private static string Value(XElement parent, string localName)
        {
            XElement? element = Child(parent, localName);
            Assert.True(element is not null, "the nuspec has no <" + localName + ">");
            return element!.Value;
        }
    }
}
