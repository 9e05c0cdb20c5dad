using System.Threading.Tasks;
using TapiGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Analyzers.Tests
{
    /// <summary>TG1005 (Enum.IsDefined) and TG1006 (HasFlag).</summary>
    public class IsDefinedAndHasFlagTests
    {
        [Fact]
        public Task IsDefined_of_a_value_becomes_the_generated_IsDefined()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    void M(AGENT_SESSION_EVENT a, TAPI_EVENT b)
                    {
                        _ = {|TG1005:Enum.IsDefined(a)|};
                        _ = {|TG1005:Enum.IsDefined<TAPI_EVENT>(b | TAPI_EVENT.TE_AGENT)|};
                        _ = {|TG1005:Enum.IsDefined(typeof(AGENT_SESSION_EVENT), a)|};
                        _ = {|TG1005:Enum.IsDefined(value: b, enumType: typeof(TAPI_EVENT))|};
                    }
                }
                """,
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    void M(AGENT_SESSION_EVENT a, TAPI_EVENT b)
                    {
                        _ = AGENT_SESSION_EVENTExtensions.IsDefined(a);
                        _ = TAPI_EVENTExtensions.IsDefined(b | TAPI_EVENT.TE_AGENT);
                        _ = AGENT_SESSION_EVENTExtensions.IsDefined(a);
                        _ = TAPI_EVENTExtensions.IsDefined(value: b);
                    }
                }
                """);

        [Fact]
        public Task IsDefined_of_a_number_a_name_or_another_enum_is_left_alone()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    void M(AGENT_SESSION_EVENT a, int n, object boxed)
                    {
                        _ = Enum.IsDefined(typeof(AGENT_SESSION_EVENT), 1);
                        _ = Enum.IsDefined(typeof(AGENT_SESSION_EVENT), n);
                        _ = Enum.IsDefined(typeof(AGENT_SESSION_EVENT), "ASE_READY");
                        _ = Enum.IsDefined(typeof(AGENT_SESSION_EVENT), boxed);
                        _ = Enum.IsDefined(typeof(TAPI_EVENT), a);
                        _ = Enum.IsDefined<AGENT_SESSION_EVENT>(0);
                    }
                }
                """,
                null);

        [Fact]
        public Task HasFlag_on_a_flags_enum_becomes_HasFlagFast()
            => UsageVerifier.VerifyAsync(
                """
                using Tapi.Tests;

                class C
                {
                    bool M(TAPI_EVENT e) => {|TG1006:e.HasFlag(TAPI_EVENT.TE_ADDRESS | TAPI_EVENT.TE_AGENT)|} && !{|TG1006:(e & TAPI_EVENT.TE_QUEUE).HasFlag(flag: e)|};
                }
                """,
                """
                using Tapi.Tests;

                class C
                {
                    bool M(TAPI_EVENT e) => e.HasFlagFast(TAPI_EVENT.TE_ADDRESS | TAPI_EVENT.TE_AGENT) && !(e & TAPI_EVENT.TE_QUEUE).HasFlagFast(flag: e);
                }
                """);

        [Fact]
        public Task HasFlag_on_a_plain_enum_or_with_another_type_is_left_alone()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    bool Plain(AGENT_SESSION_EVENT e) => e.HasFlag(AGENT_SESSION_EVENT.ASE_READY);
                    bool Other(TAPI_EVENT e, Enum other) => e.HasFlag(other);
                }
                """,
                null);
    }
}
