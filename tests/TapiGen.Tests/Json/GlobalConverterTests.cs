using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Json
{
    /// <summary>
    /// A JsonStringEnumConverter in JsonSerializerOptions.Converters wins over the [JsonConverter] TapiGen puts on the
    /// enum (the precedence System.Text.Json documents: options before the type's attribute), and putting the
    /// generated converter first fixes it. README's JSON section shows both, in the block these tests run.
    /// </summary>
    public class GlobalConverterTests
    {
        private const string Marker = "<!-- json-global-converter";

        private static readonly Lazy<Assembly> s_assembly = new Lazy<Assembly>(() => JsonCompilation.Load(
            new[] { TestManifests.Page("ne-tapi3if-call_state.md").WithMetadata("JsonNaming", "CamelCase") with { Namespace = "Contoso.Telephony.Tapi3" } },
            consumer: ReadmeBlock(),
            checkWarnings: false));

        [Fact]
        public void The_README_block_writes_what_its_comments_say()
        {
            string[] expected = ReadmeBlock().Split('\n').Select(l => l.Trim())
                .Where(l => l.StartsWith("// \"", StringComparison.Ordinal))
                .Select(l => l.Substring(3, l.IndexOf('"', 4) - 2))
                .ToArray();
            var written = (string[])s_assembly.Value.GetType("GlobalConverterExample")!.GetMethod("Run")!.Invoke(null, null)!;
            Assert.Equal(new[] { "\"CS_CONNECTED\"", "\"csConnected\"" }, expected);
            Assert.Equal(expected, written);
        }

        [Fact]
        public void The_global_converter_also_reads_for_the_enum_and_the_fix_gives_the_generated_rules_back()
        {
            Type callState = s_assembly.Value.GetType("Contoso.Telephony.Tapi3.CALL_STATE")!;
            object connected = Enum.Parse(callState, "CS_CONNECTED");
            var converter = (JsonConverter)Activator.CreateInstance(s_assembly.Value.GetType("Contoso.Telephony.Tapi3.CALL_STATEJsonConverter")!)!;
            var global = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };
            var fixedOrder = new JsonSerializerOptions { Converters = { converter, new JsonStringEnumConverter() } };

            // No options: the attribute picks the generated converter.
            Assert.Equal("\"csConnected\"", JsonSerializer.Serialize(connected, callState));
            Assert.Equal(connected, JsonSerializer.Deserialize("\"csConnected\"", callState));

            // The global converter: its own names, any case; the generated JSON names are unknown to it.
            Assert.Equal("\"CS_CONNECTED\"", JsonSerializer.Serialize(connected, callState, global));
            Assert.Equal(connected, JsonSerializer.Deserialize("\"cs_connected\"", callState, global));
            Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("\"csConnected\"", callState, global));

            // The generated converter first: the generated rules again, case-sensitive.
            Assert.Equal("\"csConnected\"", JsonSerializer.Serialize(connected, callState, fixedOrder));
            Assert.Equal(connected, JsonSerializer.Deserialize("\"csConnected\"", callState, fixedOrder));
            Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("\"CS_CONNECTED\"", callState, fixedOrder));
        }

        private static string ReadmeBlock() => ReadmeBlocks.After(Marker);
    }
}
