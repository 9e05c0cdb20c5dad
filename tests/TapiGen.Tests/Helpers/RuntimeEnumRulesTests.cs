using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using TapiGen.Generator.Planning;
using Xunit;

namespace TapiGen.Tests.Helpers
{
    /// <summary>
    /// The generator's model of System.Enum (member order, which alias names a value) against the runtime itself, on
    /// enums defined at run time with Reflection.Emit: no compilation, so thousands of shapes are cheap.
    /// </summary>
    public class RuntimeEnumRulesTests
    {
        private static readonly Type[] s_underlying = { typeof(int), typeof(uint), typeof(long), typeof(ulong) };

        [Fact]
        public void Order_and_alias_choice_match_the_runtime_on_random_enums()
        {
            var random = new Random(4242);
            ModuleBuilder module = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("TapiGenRuleCheck"), AssemblyBuilderAccess.Run).DefineDynamicModule("m");
            int checks = 0;
            for (int e = 0; e < 400; e++)
            {
                bool flags = random.Next(2) == 0;
                Type underlying = s_underlying[random.Next(s_underlying.Length)];
                List<ulong> declared = RandomValues(random, underlying);
                Type type = Define(module, "E" + e, underlying, flags, declared);

                int[] order = RuntimeEnumRules.Sort(declared);
                string[] expectedNames = Enum.GetNames(type);
                Assert.Equal(expectedNames, order.Select(i => "M" + i).ToArray());

                ulong[] sorted = order.Select(i => declared[i]).ToArray();
                foreach (ulong value in declared.Distinct())
                {
                    int index = flags ? RuntimeEnumRules.FindFlagsExactIndex(sorted, value) : RuntimeEnumRules.FindPlainIndex(sorted, value);
                    string expected = Enum.ToObject(type, value).ToString()!;
                    Assert.True(expected == "M" + order[index], $"{(flags ? "[Flags] " : string.Empty)}{underlying.Name} enum [{string.Join(", ", declared)}]: value {value} is {expected}, the rules say M{order[index]}");
                    checks++;
                }
            }

            Assert.True(checks > 2500);
        }

        [Theory]
        [InlineData(new ulong[] { 1, 1 }, 0)]
        [InlineData(new ulong[] { 2, 1, 1 }, 1)]
        [InlineData(new ulong[] { 2, 1, 1, 1, 0 }, 1)]
        public void A_small_plain_enum_names_a_value_by_its_first_alias_in_sorted_order(ulong[] declared, int expectedMember)
        {
            int[] order = RuntimeEnumRules.Sort(declared);
            ulong[] sorted = order.Select(i => declared[i]).ToArray();
            Assert.Equal(expectedMember, order[RuntimeEnumRules.FindPlainIndex(sorted, 1)]);
        }

        [Fact]
        public void A_flags_enum_names_a_value_by_its_last_alias_but_zero_by_its_first()
        {
            ulong[] declared = { 0, 0, 1, 1 };
            int[] order = RuntimeEnumRules.Sort(declared);
            ulong[] sorted = order.Select(i => declared[i]).ToArray();
            Assert.Equal(0, order[RuntimeEnumRules.FindFlagsExactIndex(sorted, 0)]);
            Assert.Equal(3, order[RuntimeEnumRules.FindFlagsExactIndex(sorted, 1)]);
            Assert.Equal(-1, RuntimeEnumRules.FindFlagsExactIndex(sorted, 2));
        }

        private static List<ulong> RandomValues(Random random, Type underlying)
        {
            int count = random.Next(1, 90);
            int pool = random.Next(1, 2 * count);
            ulong mask = underlying == typeof(int) || underlying == typeof(uint) ? uint.MaxValue : ulong.MaxValue;
            var values = new List<ulong>();
            for (int i = 0; i < count; i++)
            {
                long value = random.Next(4) switch
                {
                    0 => random.Next(pool),
                    1 => -random.Next(pool),
                    2 => 1L << random.Next(62),
                    _ => random.Next(pool) | (1 << random.Next(6)),
                };
                values.Add(unchecked((ulong)value) & mask);
            }

            return values;
        }

        private static Type Define(ModuleBuilder module, string name, Type underlying, bool flags, List<ulong> values)
        {
            EnumBuilder builder = module.DefineEnum(name, TypeAttributes.Public, underlying);
            if (flags)
            {
                builder.SetCustomAttribute(new CustomAttributeBuilder(typeof(FlagsAttribute).GetConstructor(Type.EmptyTypes)!, Array.Empty<object>()));
            }

            for (int i = 0; i < values.Count; i++)
            {
                ulong v = values[i];
                object literal = underlying == typeof(int) ? unchecked((int)(uint)v)
                    : underlying == typeof(uint) ? (uint)v
                    : underlying == typeof(long) ? unchecked((long)v)
                    : (object)v;
                builder.DefineLiteral("M" + i, literal);
            }

            return builder.CreateType();
        }
    }
}
