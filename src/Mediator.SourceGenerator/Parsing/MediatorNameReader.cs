using System.Text.RegularExpressions;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>The MSBuild properties that name the generated mediator, as the project sets them (null when not set).</summary>
/// <param name="RootNamespace">The project's <c>RootNamespace</c>: the default namespace.</param>
/// <param name="Namespace"><c>MediatorNamespace</c>: the namespace of the generated class.</param>
/// <param name="ClassName"><c>MediatorClassName</c>: the generated class's name.</param>
internal sealed record NameSettings(string? RootNamespace, string? Namespace, string? ClassName);

/// <summary>The generated mediator's name, or why the properties cannot give one (MED0036).</summary>
/// <param name="Name">Null when a property is invalid.</param>
/// <param name="Problems">One MED0036 per invalid property.</param>
internal sealed record NameChoice(MediatorName? Name, EquatableArray<DiagnosticInfo> Problems);

/// <summary>
/// Reads <c>MediatorNamespace</c> and <c>MediatorClassName</c> (made visible to the compiler by the package's
/// <c>build/CompiledMediator.props</c>) and the project's <c>RootNamespace</c>, and turns them into the names generated
/// code writes. A value the user set is checked, never repaired: an invalid one is reported (MED0036) and nothing is
/// generated. The defaults are repaired instead, since the user did not choose them for the mediator.
/// </summary>
internal static class MediatorNameReader
{
    public const string NamespaceProperty = "MediatorNamespace";
    public const string ClassNameProperty = "MediatorClassName";
    private const string FallbackNamespace = "GeneratedMediator";

    /// <summary>
    /// Members the generated class declares (fields, methods, nested types, the type parameters of its methods). C# allows
    /// no member named like its type (CS0542) and no type parameter named like it (CS0694), so the class cannot take these
    /// names. <c>GeneratedNameTests</c> proves the list complete: every identifier of generated code is refused or builds.
    /// </summary>
    private static readonly HashSet<string> s_memberNames = new(StringComparer.Ordinal)
    {
        "_services", "_pipelines", "Send", "SendToBaseType", "ThrowRequestNull", "Resolve", "InScope", "ThrowScopeRequired", "Publish", "ThrowNotificationNull",
        "CreateStream", "RequestTypes", "NotificationTypes", "StreamRequestTypes", "PipelineCache",
        "TResponse", "TNotification", "TItem", "T",
        "RegisterModule", "PublishHere", "PublishInEveryProject", "ModuleRequestTypes", "ModuleStreamTypes", "ComposedNotificationTypes",
        "ComposedPipelines", "ComposedSend", "ComposedPublish", "ComposedCreateStream", "ComposedInScope",
        "ComposedSendObject", "ComposedPublishObject", "ComposedCreateStreamObject", "PublishObjectInEveryProject",
    };

    /// <summary>Pipeline classes (<c>PingPipeline</c>, <c>PingPipeline2</c>) and the generic dispatch's helpers (<c>PingPipelineSend</c>).</summary>
    private static readonly Regex s_pipelineMember = new("(Pipeline[0-9]*(Send|SendVoid|Publish|PublishHere|CreateStream|(Composed)?(Send|Publish|CreateStream)Object)?|^_?[Cc]omposedModule(Pipelines|Send|SendVoid|CreateStream|Publish|SendObject|CreateStreamObject)?[0-9]+)$", RegexOptions.CultureInvariant);

    public static NameSettings Read(AnalyzerConfigOptions options)
        => new(Value(options, "RootNamespace"), Value(options, NamespaceProperty), Value(options, ClassNameProperty));

    private static string? Value(AnalyzerConfigOptions options, string property)
        => options.TryGetValue("build_property." + property, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public static NameChoice Choose(NameSettings settings, string? assemblyName)
    {
        var problems = new List<DiagnosticInfo>();
        var ns = settings.Namespace is { } chosen
            ? CheckedNamespace(chosen, problems)
            : RepairedNamespace(settings.RootNamespace ?? assemblyName ?? FallbackNamespace);
        var className = settings.ClassName is { } chosenClass
            ? CheckedClassName(chosenClass, problems)
            : MediatorName.DefaultClassName;
        return problems.Count > 0 || ns is null || className is null
            ? new NameChoice(null, problems.ToEquatableArray())
            : new NameChoice(new MediatorName(ns, Identifiers.TypeName(className), className), EquatableArray<DiagnosticInfo>.Empty);
    }

    private static string? CheckedNamespace(string value, List<DiagnosticInfo> problems)
    {
        var segments = value.Split('.').Select(s => s.Trim()).ToArray();
        if (segments.FirstOrDefault(s => !Identifiers.IsValid(Identifiers.Plain(s))) is { } bad)
        {
            problems.Add(Invalid(NamespaceProperty, value, "'" + bad + "' is not a C# identifier"));
            return null;
        }

        return string.Join(".", segments.Select(s => Identifiers.NamespaceSegment(Identifiers.Plain(s))));
    }

    private static string? CheckedClassName(string value, List<DiagnosticInfo> problems)
    {
        var plain = Identifiers.Plain(value);
        var reason = !Identifiers.IsValid(plain) ? "it is not a C# identifier"
            : s_memberNames.Contains(plain) ? "the generated class has a member of that name"
            : s_pipelineMember.IsMatch(plain) ? "names ending in 'Pipeline' (and a number), or in 'Pipeline' and 'Send', 'SendVoid', 'Publish', 'CreateStream' or one of them followed by 'Object', are the generated class's pipeline classes and dispatch helpers"
            : null;
        if (reason is null)
        {
            return plain;
        }

        problems.Add(Invalid(ClassNameProperty, value, reason));
        return null;
    }

    /// <summary>The root namespace, else the assembly name, made into a valid dotted name: other characters become '_'.</summary>
    private static string RepairedNamespace(string raw)
    {
        var segments = raw.Split('.')
            .Select(s => new string(s.Select(c => SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_').ToArray()))
            .Where(s => s.Length > 0)
            .Select(s => SyntaxFacts.IsIdentifierStartCharacter(s[0]) ? s : "_" + s)
            .Select(Identifiers.NamespaceSegment)
            .ToArray();
        return segments.Length == 0 ? FallbackNamespace : string.Join(".", segments);
    }

    private static DiagnosticInfo Invalid(string property, string value, string reason)
        => new(DiagnosticDescriptors.InvalidMediatorName.Id, null, new[] { "<" + property + ">" + value + "</" + property + ">", reason }.ToEquatableArray());
}
