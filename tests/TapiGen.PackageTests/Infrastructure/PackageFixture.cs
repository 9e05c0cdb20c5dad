using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Xml.Linq;
using Xunit;

namespace TapiGen.PackageTests.Infrastructure
{
    /// <summary>
    /// Every package test shares one fixture, so the package is packed once per run, and the tests run one after the
    /// other: each of them starts `dotnet` processes that take both cores of a CI machine.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class PackageCollection : ICollectionFixture<PackageFixture>
    {
        public const string Name = "TapiGen package";
    }

    /// <summary>A consumer project in Consumers/: its folder (and project) name and its target framework.</summary>
    public sealed record Consumer(string Name, string TargetFramework)
    {
        public static readonly Consumer App = new Consumer("App", "net10.0");
        public static readonly Consumer Net8Library = new Consumer("Net8Library", "net8.0");
        public static readonly Consumer NetStandardLibrary = new Consumer("NetStandardLibrary", "netstandard2.0");
        public static readonly Consumer Net462Library = new Consumer("Net462Library", "net462");
        public static readonly Consumer LibraryUser = new Consumer("LibraryUser", "net10.0");
        public static readonly Consumer TaskApp = new Consumer("TaskApp", "net10.0");
        public static readonly Consumer TaskLibrary = new Consumer("TaskLibrary", "netstandard2.0");
        public static readonly Consumer TaskBrokenPage = new Consumer("TaskBrokenPage", "net10.0");
    }

    /// <summary>The packed package: the `dotnet pack` run, and the .nupkg it made when it succeeded.</summary>
    public sealed record PackResult(CommandResult Command, string? PackagePath, string? Version);

    /// <summary>
    /// A temporary folder per run (deleted at the end; set TAPIGEN_KEEP_PACKAGE_TESTS=1 to keep it) holding:
    /// feed/ (the local NuGet feed the package is packed into), artifacts/ (the pack's bin and obj, so this
    /// repository's own are never touched), packages/ (a NuGet packages folder of its own, so no TapiGen package
    /// cached by an earlier run can be restored), and consumers/ (copies of Consumers/ with a nuget.config).
    /// </summary>
    public sealed class PackageFixture : IDisposable
    {
        private const string ProjectToPack = "runtime/TapiGen.Runtime/TapiGen.Runtime.csproj";

        private readonly Lazy<PackResult> _pack;
        private readonly Dictionary<Consumer, CommandResult> _builds = new Dictionary<Consumer, CommandResult>();

        public PackageFixture()
        {
            WorkDirectory = Path.Combine(
                Path.GetTempPath(),
                "tapigen-package-tests",
                DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(WorkDirectory);
            _pack = new Lazy<PackResult>(PackAndPrepareConsumers);
        }

        public string WorkDirectory { get; }

        public string FeedDirectory => Path.Combine(WorkDirectory, "feed");

        public string PackagesDirectory => Path.Combine(WorkDirectory, "packages");

        public string ConsumersDirectory => Path.Combine(WorkDirectory, "consumers");

        /// <summary>Packs on first use.</summary>
        public PackResult Pack => _pack.Value;

        /// <summary>The package, or a failed assertion with the whole `dotnet pack` output.</summary>
        public string PackagePath
        {
            get
            {
                PackResult pack = Pack;
                Assert.True(pack.Command.Succeeded && pack.PackagePath is not null, "dotnet pack failed:\n" + pack.Command);
                return pack.PackagePath!;
            }
        }

        public string ConsumerDirectory(Consumer consumer) => Path.Combine(ConsumersDirectory, consumer.Name);

        public string OutputAssembly(Consumer consumer)
            => Path.Combine(ConsumerDirectory(consumer), "bin", "Debug", consumer.TargetFramework, consumer.Name + ".dll");

        /// <summary>
        /// Restores and builds a consumer from the local feed, by package version, with every warning an error;
        /// once per run. Asserts it built, and that the TapiGen it restored is byte for byte the package just packed.
        /// </summary>
        public CommandResult Build(Consumer consumer)
        {
            string packagePath = PackagePath;
            if (!_builds.TryGetValue(consumer, out CommandResult? build))
            {
                build = DotNetCli.Run(
                    ConsumerDirectory(consumer),
                    "build",
                    consumer.Name + ".csproj",
                    "-p:TapiGenVersion=" + Pack.Version,
                    "-p:RestorePackagesPath=" + PackagesDirectory,
                    "-warnaserror");
                _builds[consumer] = build;
            }

            Assert.True(build.Succeeded, consumer.Name + " did not build:\n" + build);
            AssertRestoredPackageIs(packagePath);
            return build;
        }

        public void Dispose()
        {
            if (Environment.GetEnvironmentVariable("TAPIGEN_KEEP_PACKAGE_TESTS") == "1")
            {
                return;
            }

            try
            {
                Directory.Delete(WorkDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A process still holding a file; the folder is in the temp directory, so leaving it is harmless.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private PackResult PackAndPrepareConsumers()
        {
            CommandResult pack = DotNetCli.Run(
                RepoRoot.Path,
                "pack",
                RepoRoot.Combine(ProjectToPack),
                "-c", "Release",
                "-o", FeedDirectory,
                "--artifacts-path", Path.Combine(WorkDirectory, "artifacts"),
                "-p:TreatWarningsAsErrors=true",
                "-warnaserror");
            string[] packages = Directory.Exists(FeedDirectory) ? Directory.GetFiles(FeedDirectory, "*.nupkg") : Array.Empty<string>();
            if (!pack.Succeeded || packages.Length != 1)
            {
                return new PackResult(pack, null, null);
            }

            string version = ReadNuspec(packages[0]).Root!.Elements().Single(e => e.Name.LocalName == "metadata")
                .Elements().Single(e => e.Name.LocalName == "version").Value;
            CopyConsumers();
            return new PackResult(pack, packages[0], version);
        }

        /// <summary>The nuspec inside a package.</summary>
        public static XDocument ReadNuspec(string packagePath)
        {
            using ZipArchive zip = ZipFile.OpenRead(packagePath);
            ZipArchiveEntry nuspec = zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using Stream stream = nuspec.Open();
            return XDocument.Load(stream);
        }

        private void CopyConsumers()
        {
            string source = RepoRoot.Combine("tests", "TapiGen.PackageTests", "Consumers");
            foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(source, file);
                string[] parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts.Contains("bin") || parts.Contains("obj"))
                {
                    continue;
                }

                string target = Path.Combine(ConsumersDirectory, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            // The local feed comes first; other packages (reference assemblies, targeting packs) come from the
            // sources the machine is configured with, which this file adds to rather than replaces.
            File.WriteAllText(
                Path.Combine(ConsumersDirectory, "nuget.config"),
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<configuration>\n"
                + "  <packageSources>\n"
                + "    <add key=\"tapigen-local\" value=\"" + System.Security.SecurityElement.Escape(FeedDirectory) + "\" />\n"
                + "  </packageSources>\n"
                + "</configuration>\n");

            // The consumers stand alone, like a user's projects: stop MSBuild looking further up for these files.
            const string Empty = "<Project>\n  <!-- Empty: keeps any Directory.Build file above this folder out of the consumer builds. -->\n</Project>\n";
            File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Build.props"), Empty);
            File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Build.targets"), Empty);
        }

        private void AssertRestoredPackageIs(string packagePath)
        {
            string restored = Path.Combine(PackagesDirectory, "tapigen", Pack.Version!.ToLowerInvariant());
            string hashFile = Path.Combine(restored, "tapigen." + Pack.Version.ToLowerInvariant() + ".nupkg.sha512");
            Assert.True(File.Exists(hashFile), "TapiGen " + Pack.Version + " was not restored into " + PackagesDirectory);
            string expected;
            using (FileStream stream = File.OpenRead(packagePath))
            {
                expected = Convert.ToBase64String(SHA512.HashData(stream));
            }

            Assert.True(
                expected == File.ReadAllText(hashFile).Trim(),
                "The TapiGen package restored into " + restored + " is not the one just packed into " + FeedDirectory);
        }
    }
}
