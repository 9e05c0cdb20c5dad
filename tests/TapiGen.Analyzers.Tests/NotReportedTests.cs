using System.Collections.Generic;
using System.Threading.Tasks;
using TapiGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Analyzers.Tests
{
    /// <summary>Where a generated helper would give another result, or there is none: nothing is reported.</summary>
    public class NotReportedTests
    {
        /// <summary>An enum with an alias (B_ALIAS = B): which name System.Enum gives 1 depends on the runtime.</summary>
        private static readonly (string Path, string Text) Aliased = TapiGenOutput.Inline("ALIASED", "A:0", "B:1", "B_ALIAS:1", "C:2");

        [Fact]
        public Task With_DotNet_member_names_and_manifest_text_names_names_are_not_suggested_but_values_are()
        {
            // AgentSessionEvent.NotReady.ToString() is "NotReady"; ToStringFast() gives "ASE_NOT_READY", and Parse
            // accepts that instead: only the suggestions that do not involve names remain.
            TapiGenOutput dotNet = TapiGenOutput.Generate(new Dictionary<string, string> { ["TapiGenMemberNames"] = "DotNet" });
            Assert.Contains(dotNet.Sources, s => s.Text.Contains("public const bool TextNamesAreMemberNames = false;"));
            return UsageVerifier.VerifyAsync(
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    void M(AgentSessionEvent e, TapiEvent flags, string s)
                    {
                        _ = e.ToString() + $"{e}";
                        _ = Enum.TryParse<AgentSessionEvent>(s, out var a);
                        _ = Enum.Parse<AgentSessionEvent>(s);
                        _ = (AgentSessionEvent)Enum.Parse(typeof(AgentSessionEvent), s);
                        foreach (var name in Enum.GetNames<AgentSessionEvent>()) { }

                        _ = {|TG1005:Enum.IsDefined(e)|};
                        _ = {|TG1006:flags.HasFlag(flags)|};
                        foreach (var value in {|TG1007:Enum.GetValues<AgentSessionEvent>()|}) { }
                    }
                }
                """,
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    void M(AgentSessionEvent e, TapiEvent flags, string s)
                    {
                        _ = e.ToString() + $"{e}";
                        _ = Enum.TryParse<AgentSessionEvent>(s, out var a);
                        _ = Enum.Parse<AgentSessionEvent>(s);
                        _ = (AgentSessionEvent)Enum.Parse(typeof(AgentSessionEvent), s);
                        foreach (var name in Enum.GetNames<AgentSessionEvent>()) { }

                        _ = AgentSessionEventExtensions.IsDefined(e);
                        _ = flags.HasFlagFast(flags);
                        foreach (var value in AgentSessionEventExtensions.GetValues()) { }
                    }
                }
                """,
                dotNet);
        }

        [Fact]
        public Task With_DotNet_member_names_used_as_text_names_names_are_suggested()
        {
            TapiGenOutput members = TapiGenOutput.Generate(new Dictionary<string, string> { ["TapiGenMemberNames"] = "DotNet", ["TapiGenTextNames"] = "Member" });
            return UsageVerifier.VerifyAsync(
                """
                using Tapi.Tests;

                class C
                {
                    string M(AgentSessionEvent e) => {|TG1001:e.ToString()|};
                }
                """,
                """
                using Tapi.Tests;

                class C
                {
                    string M(AgentSessionEvent e) => e.ToStringFast();
                }
                """,
                members);
        }

        [Fact]
        public Task With_the_helpers_turned_off_nothing_is_reported()
        {
            TapiGenOutput noHelpers = TapiGenOutput.Generate(new Dictionary<string, string> { ["TapiGenGenerateHelpers"] = "false" });
            Assert.DoesNotContain(noHelpers.Sources, s => s.HintName.Contains("Extensions"));
            return UsageVerifier.VerifyAsync(
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    void M(AGENT_SESSION_EVENT e, TAPI_EVENT flags, string s)
                    {
                        _ = e.ToString() + $"{e}" + Enum.IsDefined(e) + flags.HasFlag(flags);
                        _ = Enum.TryParse<AGENT_SESSION_EVENT>(s, out var a) ? Enum.Parse<AGENT_SESSION_EVENT>(s) : a;
                        foreach (var value in Enum.GetValues<AGENT_SESSION_EVENT>()) { }
                    }
                }
                """,
                null,
                noHelpers);
        }

        [Fact]
        public Task Enums_TapiGen_did_not_generate_are_left_alone()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using System.CodeDom.Compiler;

                enum Mine { A, B }

                [GeneratedCode("OtherTool", "1.0")]
                enum Other { A, B }

                [GeneratedCode("OtherTool", "1.0")]
                static class OtherExtensions
                {
                    public const bool TextNamesAreMemberNames = true;
                    public static string ToStringFast(this Other value) => "";
                    public static bool IsDefined(Other value) => false;
                }

                // Marked as TapiGen's, but without TapiGen's helpers class beside it.
                [GeneratedCode("TapiGen", "0.1.0")]
                enum Lookalike { A, B }

                static class LookalikeExtensions
                {
                    public const bool TextNamesAreMemberNames = true;
                    public static string ToStringFast(this Lookalike value) => "";
                }

                class C
                {
                    void M(Mine m, Other o, Lookalike l)
                    {
                        _ = m.ToString() + o.ToString() + l.ToString() + $"{m}{o}{l}";
                        _ = Enum.IsDefined(m) && Enum.IsDefined(o) && Enum.IsDefined(l);
                    }
                }
                """,
                null);

        [Fact]
        public Task Expression_trees_are_left_alone_for_the_query_providers_that_translate_them()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using System.Linq;
                using System.Linq.Expressions;
                using Tapi.Tests;

                class C
                {
                    Expression<Func<AGENT_SESSION_EVENT, string>> Format = e => e.ToString() + $"{e}";
                    Expression<Func<TAPI_EVENT, bool>> Test = e => e.HasFlag(TAPI_EVENT.TE_AGENT) && Enum.IsDefined(e);
                    IQueryable<AGENT_SESSION_EVENT> Query(IQueryable<AGENT_SESSION_EVENT> q, string s)
                        => q.Where(e => e == Enum.Parse<AGENT_SESSION_EVENT>(s));

                    // A lambda that is a delegate is ordinary code.
                    Func<AGENT_SESSION_EVENT, string> Delegate = e => {|TG1001:e.ToString()|};
                }
                """,
                """
                using System;
                using System.Linq;
                using System.Linq.Expressions;
                using Tapi.Tests;

                class C
                {
                    Expression<Func<AGENT_SESSION_EVENT, string>> Format = e => e.ToString() + $"{e}";
                    Expression<Func<TAPI_EVENT, bool>> Test = e => e.HasFlag(TAPI_EVENT.TE_AGENT) && Enum.IsDefined(e);
                    IQueryable<AGENT_SESSION_EVENT> Query(IQueryable<AGENT_SESSION_EVENT> q, string s)
                        => q.Where(e => e == Enum.Parse<AGENT_SESSION_EVENT>(s));

                    // A lambda that is a delegate is ordinary code.
                    Func<AGENT_SESSION_EVENT, string> Delegate = e => e.ToStringFast();
                }
                """);

        [Fact]
        public Task On_NET_8_an_enum_with_aliases_is_named_as_ToStringFast_names_it()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    string M(ALIASED e)
                    {
                        foreach (var name in {|TG1008:Enum.GetNames<ALIASED>()|}) { }
                        return {|TG1001:e.ToString()|};
                    }
                }
                """,
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    string M(ALIASED e)
                    {
                        foreach (var name in ALIASEDExtensions.GetNames()) { }
                        return e.ToStringFast();
                    }
                }
                """,
                TapiGenOutput.Generate(manifests: Aliased));

        [Fact]
        public Task Before_NET_8_names_of_an_enum_with_aliases_are_not_suggested_but_parsing_and_values_are()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    string M(ALIASED e, string s)
                    {
                        foreach (string name in Enum.GetNames(typeof(ALIASED))) { }
                        foreach (ALIASED value in {|TG1007:Enum.GetValues(typeof(ALIASED))|}) { }
                        _ = {|TG1003:Enum.TryParse<ALIASED>(s, out var parsed)|};
                        return e.ToString() + $"{e}";
                    }
                }
                """,
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    string M(ALIASED e, string s)
                    {
                        foreach (string name in Enum.GetNames(typeof(ALIASED))) { }
                        foreach (ALIASED value in ALIASEDExtensions.GetValues()) { }
                        _ = ALIASEDExtensions.TryParse(s, out var parsed);
                        return e.ToString() + $"{e}";
                    }
                }
                """,
                TapiGenOutput.Generate(target: Target.NetStandard20, manifests: Aliased));
    }
}
