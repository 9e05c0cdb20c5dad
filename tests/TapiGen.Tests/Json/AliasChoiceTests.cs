using System;
using System.Linq;
using System.Reflection;
using Xunit;
using Xunit.Abstractions;

namespace TapiGen.Tests.Json
{
    /// <summary>
    /// The name each value is written with, for enums with many aliases: ToStringFast gives Enum.ToString's, the JSON
    /// converter JsonStringEnumConverter's. On .NET 10 those two differ for such enums, and neither is always the first
    /// declared member; both choices come from System.Enum's own member order, decided at compile time.
    /// </summary>
    public class AliasChoiceTests
    {
        private static readonly Lazy<Assembly> s_withHelpers = new Lazy<Assembly>(() => JsonCompilation.Load(
            new[] { JsonTestEnums.ManyAliases, JsonTestEnums.ManyFlagAliases }, JsonCompilation.Properties(("GenerateHelpers", "true")), checkWarnings: false));

        private readonly ITestOutputHelper _output;

        public AliasChoiceTests(ITestOutputHelper output) => _output = output;

        [Theory]
        [InlineData("MANY_ALIASES")]
        [InlineData("MANY_FLAG_ALIASES")]
        public void Each_value_is_named_as_EnumToString_by_ToStringFast_and_as_JsonStringEnumConverter_by_the_converter(string enumName)
        {
            Type type = JsonTestEnums.Enum(s_withHelpers.Value, enumName);
            MethodInfo toStringFast = type.Assembly.GetType(type.FullName + "Extensions")!.GetMethod("ToStringFast")!;
            int differ = 0, notFirstDeclared = 0;
            string firstDeclaredOf(ulong bits) => type.GetFields(BindingFlags.Public | BindingFlags.Static).OrderBy(f => f.MetadataToken).First(f => JsonDriver.Bits(f.GetValue(null)!) == bits).Name;
            foreach (ulong bits in JsonDriver.WriteCases(type))
            {
                object value = JsonDriver.Value(type, bits);
                string runtime = value.ToString()!;
                Assert.Equal(runtime, (string)toStringFast.Invoke(null, new[] { value })!);

                string json = JsonDriver.Write(value, type);
                string oracle = JsonDriver.Write(value, type, JsonDriver.Oracle);
                Assert.Equal(oracle, json);
                differ += json != "\"" + runtime + "\"" ? 1 : 0;
                if (JsonDriver.DefinedBits(type).Contains(bits) && json != "\"" + firstDeclaredOf(bits) + "\"")
                {
                    notFirstDeclared++;
                }
            }

            _output.WriteLine($"{enumName}: {differ} values named differently by Enum.ToString and JsonStringEnumConverter; {notFirstDeclared} not by the first declared alias");
            Assert.True(differ > 0, "Enum.ToString and JsonStringEnumConverter now agree on every alias: one choice would do; update the README's JSON section");
            Assert.True(notFirstDeclared > 0, "JsonStringEnumConverter now writes the first declared alias: the test enum no longer covers the rule");
        }
    }
}
