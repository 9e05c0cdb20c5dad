using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests
{
    /// <summary>
    /// The generated files for representative pages, reviewed like code. To accept a change on purpose:
    /// TAPIGEN_ACCEPT_SNAPSHOTS=1 dotnet test, then read the diff of Snapshots/ before committing.
    /// </summary>
    public class CoreSnapshotTests
    {
        [Fact]
        public void AgentSessionEvent() => Snapshots.Verify(GeneratorHarness.Run(TestManifests.Page("ne-tapi3-agent_session_event.md")));

        [Fact]
        public void FlagsEnum_TapiEvent() => Snapshots.Verify(GeneratorHarness.Run(TestManifests.Page("ne-tapi3if-tapi_event.md")));

        [Fact]
        public void UInt32Enum_PropDescTypeFlags() => Snapshots.Verify(GeneratorHarness.Run(TestManifests.Page("ne-propsys-propdesc_type_flags.md")));

        [Fact]
        public void NegativeValues_InputScope() => Snapshots.Verify(GeneratorHarness.Run(TestManifests.Page("ne-inputscope-inputscope.md")));

        [Fact]
        public void MemberReference_CallState() => Snapshots.Verify(GeneratorHarness.Run(TestManifests.Page("ne-tapi3if-call_state.md")));

        [Fact]
        public void ParenthesisedValues_D3DFeatureLevel() => Snapshots.Verify(GeneratorHarness.Run(TestManifests.Page("ne-d3dcommon-d3d_feature_level.md")));

        [Fact]
        public void SubHeadings_FtStateEventCause() => Snapshots.Verify(GeneratorHarness.Run(TestManifests.Page("ne-tapi3if-ft_state_event_cause.md")));

        [Fact]
        public void NoEnumerationHeading_TooltipDismissFlags() => Snapshots.Verify(GeneratorHarness.Run(TestManifests.Page("ne-winuser-tooltip_dismiss_flags.md")));

        [Fact]
        public void ValuesInProse_Sigdn() => Snapshots.Verify(GeneratorHarness.Run(TestManifests.Page("ne-shobjidl_core-sigdn.md")));

        [Fact]
        public void EmptyValue_JobObjectNetRateControlFlags() => Snapshots.Verify(GeneratorHarness.Run(TestManifests.Page("ne-winnt-job_object_net_rate_control_flags.md")));
    }
}
