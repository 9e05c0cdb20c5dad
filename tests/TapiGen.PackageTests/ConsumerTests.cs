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
    /// The consumer projects in Consumers/ restore TapiGen from the local feed by version, build with warnings as
    /// errors, and get the enums their manifests and settings describe. Only the .NET 10 runtime is installed, so the
    /// app runs and the libraries are read from their metadata.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public class ConsumerTests
    {
        private readonly PackageFixture _fixture;
        private readonly ITestOutputHelper _output;

        public ConsumerTests(PackageFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture;
            _output = output;
        }

        [Fact]
        public void A_net10_app_builds_runs_and_prints_the_documented_values()
        {
            string app = BuildAndRun(Consumer.App);

            // Nothing of TapiGen flows into the app: no library, and neither the generator nor Roslyn.
            string[] files = Directory.GetFiles(Path.GetDirectoryName(app)!).Select(Path.GetFileName).ToArray()!;
            Assert.DoesNotContain(files, f => f.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.Ordinal) || f.StartsWith("TapiGen", System.StringComparison.Ordinal) && f != Path.GetFileName(app) && !f.StartsWith(Path.GetFileNameWithoutExtension(app) + ".", System.StringComparison.Ordinal));
        }

        [Fact]
        public void An_app_using_a_TapiGen_library_builds_warning_free_without_TapiEnum_items_of_its_own()
        {
            // TapiGen reaches it through the library (not a development dependency); TG0035 must not fire there.
            CommandResult build = _fixture.Build(Consumer.LibraryUser);
            Assert.DoesNotContain("TG00", build.Output, System.StringComparison.Ordinal);
            string assets = File.ReadAllText(Path.Combine(_fixture.ConsumerDirectory(Consumer.LibraryUser), "obj", "project.assets.json"));
            Assert.Contains("\"TapiGen/", assets, System.StringComparison.Ordinal);

            string app = _fixture.OutputAssembly(Consumer.LibraryUser);
            CommandResult run = DotNetCli.Run(_fixture.ConsumerDirectory(Consumer.LibraryUser), app);
            Assert.True(run.Succeeded, run.ToString());
            Assert.Equal("OK", run.Output.TrimEnd().Split('\n').Last());
        }

        [Fact]
        public void A_net8_library_gets_internal_enums_in_RootNamespace_and_in_the_item_Namespace()
        {
            IReadOnlyDictionary<string, BuiltEnum> enums = BuildAndRead(Consumer.Net8Library);
            Assert.Equal(new[] { "Contoso.Net8Library.CALL_STATE", "Contoso.Net8Library.Phone.PHONE_LAMP_MODE" }, enums.Keys.OrderBy(k => k));

            BuiltEnum callState = enums["Contoso.Net8Library.CALL_STATE"];
            Assert.False(callState.IsPublic);
            Assert.False(callState.IsFlags);
            Assert.Equal(
                new (string, object)[] { ("CS_IDLE", 0L), ("CS_INPROGRESS", 1L), ("CS_CONNECTED", 2L), ("CS_DISCONNECTED", 3L), ("CS_OFFERING", 4L), ("CS_HOLD", 5L), ("CS_QUEUED", 6L), ("CS_LASTITEM", 6L) },
                callState.Members);

            BuiltEnum lamp = enums["Contoso.Net8Library.Phone.PHONE_LAMP_MODE"];
            Assert.False(lamp.IsPublic);
            Assert.True(lamp.IsFlags);
            Assert.Equal(0x80L, lamp["LM_UNKNOWN"]);
        }

        [Fact]
        public void A_netstandard2_library_gets_enums_in_TapiGenNamespace_and_a_renamed_enum_in_the_item_Namespace()
        {
            IReadOnlyDictionary<string, BuiltEnum> enums = BuildAndRead(Consumer.NetStandardLibrary);
            Assert.Equal(new[] { "Contoso.Tapi.ADDRESS_STATE", "Contoso.Tapi.Devices.HookSwitchDevices" }, enums.Keys.OrderBy(k => k));

            BuiltEnum state = enums["Contoso.Tapi.ADDRESS_STATE"];
            Assert.True(state.IsPublic);
            Assert.Equal(new (string, object)[] { ("AS_INSERVICE", 0L), ("AS_OUTOFSERVICE", 1L) }, state.Members);

            BuiltEnum devices = enums["Contoso.Tapi.Devices.HookSwitchDevices"];
            Assert.Equal(new (string, object)[] { ("PHSD_HANDSET", 1L), ("PHSD_SPEAKERPHONE", 2L), ("PHSD_HEADSET", 4L) }, devices.Members);
        }

        [Fact]
        public void A_net462_library_in_CSharp_7_3_gets_int_and_uint_enums()
        {
            IReadOnlyDictionary<string, BuiltEnum> enums = BuildAndRead(Consumer.Net462Library);
            Assert.Equal(new[] { "Contoso.Legacy.D3D_FEATURE_LEVEL", "Contoso.Legacy.Shell.PROPDESC_TYPE_FLAGS" }, enums.Keys.OrderBy(k => k));

            BuiltEnum level = enums["Contoso.Legacy.D3D_FEATURE_LEVEL"];
            Assert.Equal("int", level.UnderlyingType);
            Assert.Equal(0x9100L, level["D3D_FEATURE_LEVEL_9_1"]);
            Assert.Equal(0xc200L, level["D3D_FEATURE_LEVEL_12_2"]);

            BuiltEnum flags = enums["Contoso.Legacy.Shell.PROPDESC_TYPE_FLAGS"];
            Assert.Equal("uint", flags.UnderlyingType);
            Assert.True(flags.IsFlags);
            Assert.Equal(0x80000000L, flags["PDTF_ISSYSTEMPROPERTY"]);
            Assert.Equal(0x80001fffL, flags["PDTF_MASK_ALL"]);
        }

        [Fact]
        public void A_net10_app_in_build_task_mode_serializes_its_enums_through_a_JSON_context_in_the_same_project()
        {
            BuildAndRun(Consumer.TaskApp);

            // The task wrote the files (the generator would have written none to disk), and the support file once.
            string[] generated = GeneratedByTask(Consumer.TaskApp);
            Assert.Contains("Contoso.Telephony.CALL_STATE.g.cs", generated);
            Assert.Contains("Contoso.Telephony.AGENT_SESSION_EVENT.JsonConverter.g.cs", generated);
            Assert.Single(generated, f => f.StartsWith("TapiGen.", System.StringComparison.Ordinal));

            // An unchanged second build skips the task: its inputs check finds every output newer than every input.
            CommandResult again = DotNetCli.Run(
                _fixture.ConsumerDirectory(Consumer.TaskApp), "build", "TaskApp.csproj", "--no-restore", "-v:n",
                "-p:TapiGenVersion=" + _fixture.Pack.Version, "-p:RestorePackagesPath=" + _fixture.PackagesDirectory, "-warnaserror");
            Assert.True(again.Succeeded, again.ToString());
            Assert.Contains("Skipping target \"TapiGenGenerate\" because all output files are up-to-date", again.Output, System.StringComparison.Ordinal);
        }

        [Fact]
        public void A_netstandard2_library_in_CSharp_7_3_in_build_task_mode_gets_the_same_enums()
        {
            IReadOnlyDictionary<string, BuiltEnum> enums = BuildAndRead(Consumer.TaskLibrary);
            Assert.Equal(new[] { "Contoso.Tapi.ADDRESS_STATE", "Contoso.Tapi.Devices.HookSwitchDevices" }, enums.Keys.OrderBy(k => k));
            Assert.Equal(new (string, object)[] { ("AS_INSERVICE", 0L), ("AS_OUTOFSERVICE", 1L) }, enums["Contoso.Tapi.ADDRESS_STATE"].Members);
            Assert.Equal(new (string, object)[] { ("PHSD_HANDSET", 1L), ("PHSD_SPEAKERPHONE", 2L), ("PHSD_HEADSET", 4L) }, enums["Contoso.Tapi.Devices.HookSwitchDevices"].Members);
            Assert.Contains("Contoso.Tapi.Devices.HookSwitchDevices.Extensions.g.cs", GeneratedByTask(Consumer.TaskLibrary));
        }

        [Fact]
        public void In_build_task_mode_a_broken_page_fails_the_build_at_its_line_but_only_warns_in_a_design_time_build()
        {
            string directory = _fixture.ConsumerDirectory(Consumer.TaskBrokenPage);
            _ = _fixture.PackagePath;
            string[] properties = { "-p:TapiGenVersion=" + _fixture.Pack.Version, "-p:RestorePackagesPath=" + _fixture.PackagesDirectory };

            CommandResult build = DotNetCli.Run(directory, new[] { "build", "TaskBrokenPage.csproj" }.Concat(properties).ToArray());
            Assert.False(build.Succeeded, build.ToString());
            // MSBuild's canonical form, as the compiler's own errors: file(line,column): error id: message.
            Assert.Matches(@"ne-tapi3if-call_state\.md\(69,\d+(,\d+,\d+)?\): error TG\d{4}: ", build.Output);
            // The good page still generated; the broken one nothing.
            string[] generated = GeneratedByTask(Consumer.TaskBrokenPage);
            Assert.Contains("Contoso.TaskBrokenPage.ADDRESS_STATE.g.cs", generated);
            Assert.DoesNotContain(generated, f => f.Contains("CALL_STATE", System.StringComparison.Ordinal));

            // What Visual Studio runs for IntelliSense: the same error is a warning there, and the build goes on.
            CommandResult designTime = DotNetCli.Run(
                directory,
                new[] { "msbuild", "TaskBrokenPage.csproj", "-t:Compile", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true" }.Concat(properties).ToArray());
            Assert.True(designTime.Succeeded, designTime.ToString());
            Assert.Matches(@"ne-tapi3if-call_state\.md\(69,\d+(,\d+,\d+)?\): warning TG\d{4}: ", designTime.Output);

            // dotnet clean removes what the task wrote.
            CommandResult clean = DotNetCli.Run(directory, new[] { "clean", "TaskBrokenPage.csproj" }.Concat(properties).ToArray());
            Assert.True(clean.Succeeded, clean.ToString());
            Assert.Empty(GeneratedByTask(Consumer.TaskBrokenPage));
        }

        private string[] GeneratedByTask(Consumer consumer)
        {
            string folder = Path.Combine(_fixture.ConsumerDirectory(consumer), "obj", "Debug", consumer.TargetFramework, "TapiGen");
            return !Directory.Exists(folder) ? System.Array.Empty<string>() : Directory.GetFiles(folder, "*.g.cs")
                .Select(f => Path.GetFileName(f)!)
                .OrderBy(f => f, System.StringComparer.Ordinal)
                .ToArray();
        }

        /// <summary>Builds an app consumer and runs it; it checks itself and ends by printing "OK". Returns its path.</summary>
        private string BuildAndRun(Consumer consumer)
        {
            Build(consumer);
            string app = _fixture.OutputAssembly(consumer);
            CommandResult run = DotNetCli.Run(_fixture.ConsumerDirectory(consumer), app);
            _output.WriteLine(run.ToString());
            Assert.True(run.Succeeded, "the app found a mismatch:\n" + run);
            Assert.Equal("OK", run.Output.TrimEnd().Split('\n').Last());
            return app;
        }

        private IReadOnlyDictionary<string, BuiltEnum> BuildAndRead(Consumer consumer)
        {
            Build(consumer);
            return BuiltEnums.Read(_fixture.OutputAssembly(consumer));
        }

        /// <summary>Builds the consumer and checks what it restored: TapiGen from the feed, and no Roslyn.</summary>
        private void Build(Consumer consumer)
        {
            CommandResult build = _fixture.Build(consumer);
            _output.WriteLine(build.CommandLine + ": " + build.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s");

            string assets = Path.Combine(_fixture.ConsumerDirectory(consumer), "obj", "project.assets.json");
            using JsonDocument json = JsonDocument.Parse(File.ReadAllText(assets));
            string[] libraries = json.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Contains("TapiGen/" + _fixture.Pack.Version, libraries);
            Assert.DoesNotContain(libraries, l => l.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.OrdinalIgnoreCase));
        }
    }
}
