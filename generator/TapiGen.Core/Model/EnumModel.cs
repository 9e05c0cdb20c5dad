using System;
using System.Numerics;

namespace TapiGen.Generator.Model
{
    /// <summary>The C# type an enum is stored as; chosen from the range of its values.</summary>
    internal enum UnderlyingType
    {
        Int32,
        UInt32,
        Int64,
        UInt64,
    }

    /// <summary>How a member's value is written in generated code.</summary>
    internal enum ValueStyle
    {
        /// <summary>A decimal literal (also used for values the manifest only implies by counting).</summary>
        Decimal,

        /// <summary>A hexadecimal literal, because the manifest wrote it that way.</summary>
        Hex,

        /// <summary>The name of an earlier member, because the manifest made this member an alias.</summary>
        Reference,
    }

    /// <summary>One enum member, as it will be generated. Holds no source positions, so moving text around does not change it.</summary>
    /// <param name="Name">The member's name exactly as the manifest spells it (a valid C# identifier, without '@').</param>
    /// <param name="Identifier">The C# member name (without '@'; escape with Identifiers.Escape when writing code).</param>
    /// <param name="TextName">The text form: what ToStringFast returns and Parse accepts.</param>
    /// <param name="JsonName">The JSON wire name (the text name under the JSON naming option).</param>
    /// <param name="Value">The member's value; always within the range of the enum's underlying type.</param>
    /// <param name="Style">How to write <paramref name="Value"/>.</param>
    /// <param name="ReferencedIdentifier">For <see cref="ValueStyle.Reference"/>, the C# identifier of the earlier member it equals.</param>
    /// <param name="DocLines">The member's description as XML doc content lines.</param>
    /// <param name="PlainDescription">The description as plain text (for run-time descriptions), or empty.</param>
    internal sealed record EnumMemberModel(
        string Name,
        string Identifier,
        string TextName,
        string JsonName,
        BigInteger Value,
        ValueStyle Style,
        string? ReferencedIdentifier,
        EquatableArray<string> DocLines,
        string PlainDescription);

    /// <summary>Everything needed to emit one enum. Value-equal for the same manifest text and options.</summary>
    /// <param name="Namespace">The target namespace, or empty for the global namespace.</param>
    /// <param name="Name">The enum's name as the manifest gives it (or as an option renames it).</param>
    /// <param name="Identifier">The C# type name (a valid identifier, without '@').</param>
    /// <param name="ManifestPath">The manifest's path; used only to name the file in diagnostics.</param>
    /// <param name="ManifestFileName">The manifest's file name, quoted in the generated header.</param>
    internal sealed record EnumModel(
        string Namespace,
        string Name,
        string Identifier,
        string ManifestPath,
        string ManifestFileName,
        UnderlyingType UnderlyingType,
        bool IsFlags,
        EquatableArray<string> SummaryLines,
        EquatableArray<string> RemarksLines,
        EquatableArray<EnumMemberModel> Members,
        GeneratorOptions Options)
    {
        /// <summary>Namespace-qualified C# name, without '@' or 'global::'.</summary>
        public string FullName => Namespace.Length == 0 ? Identifier : Namespace + "." + Identifier;
    }

    /// <summary>What the parser makes of one manifest: a model when it can be generated, and what it has to say about it.</summary>
    /// <param name="ConverterDiagnostics">Reported only when a JSON converter is generated (TG0024: JSON names that cannot work as computed).</param>
    internal sealed record ParseResult(EnumModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        public EquatableArray<DiagnosticInfo> ConverterDiagnostics { get; init; }
    }
}
