using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using TapiGen.Tests.Infrastructure;
using Xunit;

namespace TapiGen.Tests.Corpus
{
    /// <summary>Reads generated enums back after compiling and loading them: the values a consumer really gets.</summary>
    public static class LoadedEnums
    {
        /// <summary>Asserts no error (unless other manifests are expected to fail), compiles cleanly, loads, and returns the enum <c>Tapi.Tests.{name}</c>.</summary>
        public static Type Load(GeneratorDriverRunResult result, string name, string ns = GeneratorHarness.DefaultNamespace, bool allowErrors = false)
        {
            Assert.True(
                allowErrors || !result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error),
                "errors: " + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            Assembly assembly = GeneratorHarness.Load(GeneratorHarness.AssertCompilesCleanly(result));
            Type? type = assembly.GetType(ns + "." + name);
            Assert.True(type is not null && type.IsEnum, ns + "." + name + " was not generated");
            return type!;
        }

        /// <summary>Every member in declaration order, with its value as a BigInteger (whatever the underlying type).</summary>
        public static List<(string Name, BigInteger Value)> Members(Type enumType)
            => enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
                .OrderBy(f => f.MetadataToken)
                .Select(f => (f.Name, ToBigInteger(f.GetRawConstantValue()!)))
                .ToList();

        public static Dictionary<string, BigInteger> Values(Type enumType)
            => Members(enumType).ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal);

        public static BigInteger ToBigInteger(object raw)
            => BigInteger.Parse(Convert.ToString(raw, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);

        /// <summary>A manifest in the layout of sdk-api pages: front matter, heading, and one block per member.</summary>
        public static TestManifest Page(string enumName, params (string Heading, string Description)[] fields)
        {
            string text = "---\ntitle: " + enumName + " (test.h)\n---\n\n# " + enumName + " enumeration\n\n## -description\n\nTest enum.\n\n## -enum-fields\n\n"
                + string.Concat(fields.Select(f => "### -field " + f.Heading + "\n\n" + f.Description + "\n\n"))
                + "## -see-also\n";
            return new TestManifest("/manifests/" + enumName.ToLowerInvariant() + ".md", text);
        }
    }
}
