namespace TapiGen.Generator.Model
{
    /// <summary>Accessibility of the generated types.</summary>
    internal enum Accessibility
    {
        Public,
        Internal,
    }

    /// <summary>How generated C# members are named.</summary>
    internal enum MemberNaming
    {
        /// <summary>Exactly as the manifest spells them (ASE_NOT_READY).</summary>
        Manifest,

        /// <summary>.NET style: PascalCase, the shared prefix dropped (NotReady), the enum PascalCased too.</summary>
        DotNet,
    }

    /// <summary>Which name is the text form (ToStringFast, Parse and the base of JSON names).</summary>
    internal enum TextNaming
    {
        /// <summary>The manifest's name, whatever the C# member is called.</summary>
        Manifest,

        /// <summary>The C# member's name.</summary>
        Member,
    }

    /// <summary>Whether the enum gets [Flags].</summary>
    internal enum FlagsMode
    {
        Auto,
        On,
        Off,
    }

    /// <summary>JSON wire names, computed at compile time from the text names.</summary>
    internal enum JsonNaming
    {
        AsIs,
        CamelCase,
        PascalCase,
        SnakeCaseLower,
        SnakeCaseUpper,
        KebabCaseLower,
        KebabCaseUpper,
    }

    /// <summary>What the JSON converters do with a value that is no member (or combination of members).</summary>
    internal enum JsonUndefined
    {
        /// <summary>Write and read it as a number, like JsonStringEnumConverter.</summary>
        Number,

        /// <summary>Throw JsonException.</summary>
        Error,
    }

    /// <summary>What the listed C headers (TapiHeader items) do to an enum's members and values.</summary>
    internal enum HeaderValues
    {
        /// <summary>The header's members and values are generated; the page supplies the documentation.</summary>
        Use,

        /// <summary>The page's values are kept; every difference from the header is a warning.</summary>
        Check,

        /// <summary>Headers are not consulted for this manifest.</summary>
        Off,
    }

    /// <summary>
    /// Every compile-time option of one manifest, after MSBuild properties and item metadata were merged (metadata
    /// wins). A value type, so a changed option re-generates exactly the manifests it applies to.
    /// </summary>
    /// <param name="ValuesFromDescriptions">
    /// Take a member's value from the start of its description ("(int)0x80018001. Returns ...") when its heading has
    /// none, instead of counting (and warning TG0010).
    /// </param>
    internal sealed record GeneratorOptions(
        string Namespace,
        string NamespaceSource,
        Accessibility Accessibility,
        MemberNaming MemberNaming,
        TextNaming TextNaming,
        FlagsMode Flags,
        string? EnumName,
        bool GenerateHelpers,
        bool GenerateSystemTextJson,
        bool GenerateNewtonsoftJson,
        bool NewtonsoftAttribute,
        JsonNaming JsonNaming,
        bool JsonAllowNumbers,
        bool JsonIgnoreCase,
        JsonUndefined JsonUndefined,
        bool ValuesFromDescriptions,
        HeaderValues HeaderValues = HeaderValues.Use)
    {
        public static GeneratorOptions Default(string ns = "", string source = "no namespace setting")
            => new GeneratorOptions(ns, source, Accessibility.Public, MemberNaming.Manifest, TextNaming.Manifest, FlagsMode.Auto, null, true, true, true, false, JsonNaming.AsIs, true, false, JsonUndefined.Number, false);
    }
}
