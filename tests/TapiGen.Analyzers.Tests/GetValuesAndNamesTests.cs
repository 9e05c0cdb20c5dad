using System.Threading.Tasks;
using TapiGen.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Analyzers.Tests
{
    /// <summary>
    /// TG1007 (Enum.GetValues) and TG1008 (Enum.GetNames). System.Enum returns arrays, the helpers a ReadOnlySpan
    /// (or, without spans, an IReadOnlyList): a foreach loop is the one use both serve alike, so only there is a
    /// call reported, with its fix. Anywhere else, nothing is reported: a diagnostic without a fix would only
    /// invite rewriting working code for little gain.
    /// </summary>
    public class GetValuesAndNamesTests
    {
        [Fact]
        public Task In_a_foreach_GetValues_and_GetNames_become_the_generated_ones()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    int M()
                    {
                        int count = 0;
                        foreach (var value in {|TG1007:Enum.GetValues<AGENT_SESSION_EVENT>()|})
                        {
                            count += (int)value;
                        }

                        foreach (TAPI_EVENT value in {|TG1007:Enum.GetValues<TAPI_EVENT>()|})
                        {
                            count++;
                        }

                        foreach (string name in {|TG1008:Enum.GetNames<TAPI_EVENT>()|})
                        {
                            count += name.Length;
                        }

                        Action local = () =>
                        {
                            foreach (var name in {|TG1008:Enum.GetNames<AGENT_SESSION_EVENT>()|}) { count--; }
                        };
                        return count;
                    }
                }
                """,
                """
                using System;
                using Tapi.Tests;

                class C
                {
                    int M()
                    {
                        int count = 0;
                        foreach (var value in AGENT_SESSION_EVENTExtensions.GetValues())
                        {
                            count += (int)value;
                        }

                        foreach (TAPI_EVENT value in TAPI_EVENTExtensions.GetValues())
                        {
                            count++;
                        }

                        foreach (string name in TAPI_EVENTExtensions.GetNames())
                        {
                            count += name.Length;
                        }

                        Action local = () =>
                        {
                            foreach (var name in AGENT_SESSION_EVENTExtensions.GetNames()) { count--; }
                        };
                        return count;
                    }
                }
                """);

        [Fact]
        public Task Used_as_an_array_GetValues_and_GetNames_are_left_alone()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using Tapi.Tests;

                class C
                {
                    AGENT_SESSION_EVENT[] Array() => Enum.GetValues<AGENT_SESSION_EVENT>();
                    int Length() => Enum.GetNames<AGENT_SESSION_EVENT>().Length;
                    IEnumerable<string> Query() => Enum.GetNames<TAPI_EVENT>().Where(n => n.Length > 8);
                    void Mutated()
                    {
                        var values = Enum.GetValues<TAPI_EVENT>();
                        values[0] = TAPI_EVENT.TE_AGENT;
                        foreach (var value in values) { }
                    }

                    // GetValues(Type) gives objects: with var the loop variable would change type.
                    void Boxed()
                    {
                        foreach (var boxed in Enum.GetValues(typeof(AGENT_SESSION_EVENT))) { }
                    }
                }
                """,
                null);

        [Fact]
        public Task A_foreach_over_a_span_where_ref_struct_locals_may_not_compile_is_left_alone()
            => UsageVerifier.VerifyAsync(
                """
                using System;
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using Tapi.Tests;

                class C
                {
                    async Task Async()
                    {
                        foreach (var value in Enum.GetValues<AGENT_SESSION_EVENT>())
                        {
                            await Task.Yield();
                        }
                    }

                    IEnumerable<string> Iterator()
                    {
                        foreach (var name in Enum.GetNames<AGENT_SESSION_EVENT>())
                        {
                            yield return name;
                        }
                    }

                    void Lambda()
                    {
                        Func<Task> run = async () =>
                        {
                            foreach (var value in Enum.GetValues<AGENT_SESSION_EVENT>()) { await Task.Yield(); }
                        };
                    }
                }
                """,
                null);

        [Fact]
        public Task Without_spans_the_generated_list_serves_a_foreach_anywhere()
        {
            TapiGenOutput netstandard = TapiGenOutput.Generate(target: Target.NetStandard20);
            return UsageVerifier.VerifyAsync(
                """
                using System;
                using System.Collections.Generic;
                using Tapi.Tests;

                class C
                {
                    IEnumerable<string> Iterator()
                    {
                        foreach (AGENT_SESSION_EVENT value in {|TG1007:Enum.GetValues(typeof(AGENT_SESSION_EVENT))|})
                        {
                            yield return {|TG1001:value.ToString()|};
                        }
                    }
                }
                """,
                """
                using System;
                using System.Collections.Generic;
                using Tapi.Tests;

                class C
                {
                    IEnumerable<string> Iterator()
                    {
                        foreach (AGENT_SESSION_EVENT value in AGENT_SESSION_EVENTExtensions.GetValues())
                        {
                            yield return value.ToStringFast();
                        }
                    }
                }
                """,
                netstandard);
        }
    }
}
