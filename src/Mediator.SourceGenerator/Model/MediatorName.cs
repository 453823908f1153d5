namespace Mediator.SourceGenerator.Model;

/// <summary>
/// What the generated mediator is called, as C# source writes it: keywords and lower-case names already escaped with
/// <c>@</c>. The registration method and its class take their names from the class (<c>Mediator</c> gives
/// <c>AddMediator()</c> in <c>GeneratedMediatorServiceCollectionExtensions</c>), so renaming the class renames them too.
/// </summary>
/// <param name="Namespace">The namespace of the class, dotted, each segment escaped where needed: <c>Contoso.@event</c>.</param>
/// <param name="ClassName">The class, escaped where needed: <c>Mediator</c>, <c>@record</c>.</param>
/// <param name="PlainClassName">The class without the escape, from which the registration names are made.</param>
internal sealed record MediatorName(string Namespace, string ClassName, string PlainClassName)
{
    /// <summary>The default class name.</summary>
    public const string DefaultClassName = "Mediator";

    /// <summary>The namespace of the registration class: where <c>services.AddMediator()</c> is found next to the container's own extensions.</summary>
    public const string RegistrationNamespace = "Microsoft.Extensions.DependencyInjection";

    /// <summary>The class as generated code names it from anywhere: <c>global::App.Mediator</c>.</summary>
    public string FullName => "global::" + Namespace + "." + ClassName;

    /// <summary>The extension method that registers the mediator: <c>AddMediator</c>.</summary>
    public string RegistrationMethod => "Add" + PlainClassName;

    /// <summary>The static class that holds <see cref="RegistrationMethod"/>: <c>GeneratedMediatorServiceCollectionExtensions</c>.</summary>
    public string RegistrationClass => "Generated" + PlainClassName + "ServiceCollectionExtensions";
}
