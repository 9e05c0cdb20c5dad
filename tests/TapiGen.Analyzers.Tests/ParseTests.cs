using System.Threading.Tasks;
using TapiGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Analyzers.Tests
{
    /// <summary>TG1003 (Enum.TryParse) and TG1004 (Enum.Parse).</summary>
    public class ParseTests
    {
        [Fact]
        public Task TryParse_becomes_the_generated_TryParse_with_the_same_arguments()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    void M(string s, bool ignoreCase, ReadOnlySpan<char> chars)
                    {
                        _ = {|TG1003:Enum.TryParse<AGENT_SESSION_EVENT>(s, out var a)|};
                        _ = {|TG1003:Enum.TryParse<TAPI_EVENT>(s, ignoreCase, out TAPI_EVENT b)|};
                        _ = {|TG1003:Enum.TryParse(s, out AGENT_SESSION_EVENT c)|};
                        _ = {|TG1003:System.Enum.TryParse(s, true, out c)|};
                        _ = {|TG1003:Enum.TryParse<AGENT_SESSION_EVENT>(chars, out _)|};
                        _ = {|TG1003:Enum.TryParse<AGENT_SESSION_EVENT>(value: s, ignoreCase: false, result: out c)|};
                    }
                }
                """,
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    void M(string s, bool ignoreCase, ReadOnlySpan<char> chars)
                    {
                        _ = AGENT_SESSION_EVENTExtensions.TryParse(s, out var a);
                        _ = TAPI_EVENTExtensions.TryParse(s, ignoreCase, out TAPI_EVENT b);
                        _ = AGENT_SESSION_EVENTExtensions.TryParse(s, out AGENT_SESSION_EVENT c);
                        _ = AGENT_SESSION_EVENTExtensions.TryParse(s, true, out c);
                        _ = AGENT_SESSION_EVENTExtensions.TryParse(chars, out _);
                        _ = AGENT_SESSION_EVENTExtensions.TryParse(value: s, ignoreCase: false, result: out c);
                    }
                }
                """);

        [Fact]
        public Task Parse_and_the_cast_of_Parse_with_typeof_become_the_generated_Parse()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    void M(string s, ReadOnlySpan<char> chars)
                    {
                        AGENT_SESSION_EVENT a = {|TG1004:Enum.Parse<AGENT_SESSION_EVENT>(s)|};
                        TAPI_EVENT b = {|TG1004:Enum.Parse<TAPI_EVENT>(s, true)|};
                        a = {|TG1004:(AGENT_SESSION_EVENT)Enum.Parse(typeof(AGENT_SESSION_EVENT), s)|};
                        b = {|TG1004:(TAPI_EVENT)Enum.Parse(typeof(TAPI_EVENT), s, ignoreCase: true)|};
                        a = {|TG1004:(AGENT_SESSION_EVENT)(Enum.Parse(value: s, enumType: typeof(AGENT_SESSION_EVENT)))|};
                        a = {|TG1004:Enum.Parse<AGENT_SESSION_EVENT>(chars)|};
                    }
                }
                """,
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    void M(string s, ReadOnlySpan<char> chars)
                    {
                        AGENT_SESSION_EVENT a = AGENT_SESSION_EVENTExtensions.Parse(s);
                        TAPI_EVENT b = TAPI_EVENTExtensions.Parse(s, true);
                        a = AGENT_SESSION_EVENTExtensions.Parse(s);
                        b = TAPI_EVENTExtensions.Parse(s, ignoreCase: true);
                        a = AGENT_SESSION_EVENTExtensions.Parse(value: s);
                        a = AGENT_SESSION_EVENTExtensions.Parse(chars);
                    }
                }
                """);

        [Fact]
        public Task Calls_the_generated_overloads_might_resolve_differently_are_left_alone()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    void M(string s, char[] chars, Type type)
                    {
                        // A null literal and a char[] (converted to a span) could pick another helper overload.
                        _ = Enum.TryParse<AGENT_SESSION_EVENT>(null, out var a);
                        _ = Enum.TryParse<AGENT_SESSION_EVENT>(chars, out a);
                        // Parse(Type, ...) not cast to the enum, or of another type, or not of a typeof.
                        object boxed = Enum.Parse(typeof(AGENT_SESSION_EVENT), s);
                        var other = (TAPI_EVENT)Enum.Parse(typeof(AGENT_SESSION_EVENT), s);
                        var unknown = (AGENT_SESSION_EVENT)Enum.Parse(type, s);
                        _ = Enum.TryParse(typeof(AGENT_SESSION_EVENT), s, out object? result);
                    }
                }
                """,
                null);
    }
}
