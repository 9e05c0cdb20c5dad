using System.Threading.Tasks;
using TapiGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Analyzers.Tests
{
    /// <summary>TG1001 (ToString()) and TG1002 (an enum in an interpolated string).</summary>
    public class ToStringTests
    {
        [Fact]
        public Task ToString_becomes_ToStringFast()
            => UsageVerifier.VerifyAsync(
                """
                using Tapi.Tests;

                class C
                {
                    string Plain(AGENT_SESSION_EVENT e) => {|TG1001:e.ToString()|};
                    string Flags(TAPI_EVENT e) => {|TG1001:(e | TAPI_EVENT.TE_AGENT).ToString()|};
                    string Member() => {|TG1001:AGENT_SESSION_EVENT.ASE_READY.ToString()|}.ToLowerInvariant();
                }
                """,
                """
                using Tapi.Tests;

                class C
                {
                    string Plain(AGENT_SESSION_EVENT e) => e.ToStringFast();
                    string Flags(TAPI_EVENT e) => (e | TAPI_EVENT.TE_AGENT).ToStringFast();
                    string Member() => AGENT_SESSION_EVENT.ASE_READY.ToStringFast().ToLowerInvariant();
                }
                """);

        [Fact]
        public Task Without_the_namespace_imported_the_helper_is_called_by_its_class()
            => UsageVerifier.VerifyAsync(
                """
                class C
                {
                    string M(Tapi.Tests.AGENT_SESSION_EVENT e) => {|TG1001:e.ToString()|};
                }
                """,
                """
                class C
                {
                    string M(Tapi.Tests.AGENT_SESSION_EVENT e) => Tapi.Tests.AGENT_SESSION_EVENTExtensions.ToStringFast(e);
                }
                """);

        [Fact]
        public Task ToString_with_a_format_or_on_a_nullable_or_boxed_value_is_left_alone()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    string Format(AGENT_SESSION_EVENT e) => e.ToString("D");
                    string Nullable(AGENT_SESSION_EVENT? e) => e.ToString();
                    string Boxed(AGENT_SESSION_EVENT e) => ((Enum)e).ToString() + ((object)e).ToString();
                    Func<string> Group(AGENT_SESSION_EVENT e) => e.ToString;
                }
                """,
                null);

        [Fact]
        public Task An_interpolated_enum_becomes_ToStringFast()
            => UsageVerifier.VerifyAsync(
                """"
                using Tapi.Tests;

                class C
                {
                    string Hole(AGENT_SESSION_EVENT e) => $"event {{|TG1002:e|}}";
                    string Aligned(AGENT_SESSION_EVENT e) => $"[{{|TG1002:e|},-12}]";
                    string Expression(bool b, TAPI_EVENT e) => $"{{|TG1002:(b ? e : TAPI_EVENT.TE_AGENT)|}} {{|TG1002:(TAPI_EVENT)3|}}";
                    string Raw(AGENT_SESSION_EVENT e) => $"""{{|TG1002:e|}}""";
                }
                """",
                """"
                using Tapi.Tests;

                class C
                {
                    string Hole(AGENT_SESSION_EVENT e) => $"event {e.ToStringFast()}";
                    string Aligned(AGENT_SESSION_EVENT e) => $"[{e.ToStringFast(),-12}]";
                    string Expression(bool b, TAPI_EVENT e) => $"{(b ? e : TAPI_EVENT.TE_AGENT).ToStringFast()} {((TAPI_EVENT)3).ToStringFast()}";
                    string Raw(AGENT_SESSION_EVENT e) => $"""{e.ToStringFast()}""";
                }
                """");

        [Fact]
        public Task Interpolations_that_see_the_value_itself_are_left_alone()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using System.Globalization;
                using Tapi.Tests;

                class C
                {
                    string Format(AGENT_SESSION_EVENT e) => $"{e:D}";
                    FormattableString Formattable(AGENT_SESSION_EVENT e) => $"{e}";
                    IFormattable AsIFormattable(AGENT_SESSION_EVENT e) => $"{e}";
                    string WithProvider(AGENT_SESSION_EVENT e) => string.Create(CultureInfo.InvariantCulture, $"{e}");
                    string Nullable(AGENT_SESSION_EVENT? e) => $"{e}";
                }
                """,
                null);
    }
}
