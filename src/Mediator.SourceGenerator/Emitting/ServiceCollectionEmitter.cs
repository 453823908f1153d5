using System.Linq;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Emitting;

/// <summary>
/// Writes <c>AddMediator()</c>: every handler, middleware and pipeline registered by name, pipelines built by
/// generated factories. No assembly scanning, no reflection over open generics.
/// </summary>
internal static class ServiceCollectionEmitter
{
    public const string HintName = "Mediator.ServiceCollectionExtensions.g.cs";

    private const string Di = "global::Microsoft.Extensions.DependencyInjection";
    private const string TryAdd = Di + ".Extensions.ServiceCollectionDescriptorExtensions.TryAdd";
    private const string Descriptor = Di + ".ServiceDescriptor";
    private const string GetRequired = Di + ".ServiceProviderServiceExtensions.GetRequiredService";

    private const string Runtime = "global::Mediator.Publishing.PublishRuntime";

    private static void WritePipeline(SourceWriter writer, string mediator, string className, Model.ServiceLifetimeKind lifetime, System.Collections.Generic.IEnumerable<PipelineStep> steps, System.Collections.Generic.IEnumerable<string> handlers, string last)
        => WritePipeline(writer, mediator, className, lifetime, steps.Select(Construct).Concat(handlers.Select(Resolve)), last);

    private static void WritePipeline(SourceWriter writer, string mediator, string className, Model.ServiceLifetimeKind lifetime, System.Collections.Generic.IEnumerable<string> arguments, string last)
    {
        var type = mediator + "." + className;
        writer.Line(TryAdd + "(services, " + Descriptor + "." + lifetime + "<" + type + ">(sp => new " + type + "(" + string.Join(", ", arguments.Concat(new[] { last })) + ")));");
    }

    private static string Resolve(string type) => GetRequired + "<" + type + ">(sp)";

    /// <summary>
    /// A container-resolved middleware, or, for one configured by the message's attribute, a <c>new</c> with the
    /// attribute rebuilt from its constants and the other parameters from the container.
    /// </summary>
    private static string Construct(PipelineStep step)
    {
        if (!step.IsConfigured)
        {
            return Resolve(step.MiddlewareType);
        }

        var arguments = step.Arguments.Select(a => a.Source switch
        {
            ParameterSource.Service => Resolve(a.Type),
            ParameterSource.OptionalService => "GetServiceOr<" + a.Type + ">(sp, " + a.Expression + ")",
            _ => a.Expression,
        });
        return "new " + step.MiddlewareType + "(" + string.Join(", ", arguments) + ")";
    }

    private static bool HasOptionalServices(MediatorPlan plan)
        => plan.Pipelines.SelectMany(p => p.Steps)
            .Concat(plan.Streams.SelectMany(p => p.Steps))
            .Concat(plan.Notifications.SelectMany(p => p.AllSteps))
            .Any(s => s.Arguments.Any(a => a.Source == ParameterSource.OptionalService));

    public static string Emit(MediatorPlan plan)
    {
        var mediator = plan.Mediator.FullName;
        var writer = new SourceWriter();
        Code.FileHeader(writer);
        using (writer.Block("namespace Microsoft.Extensions.DependencyInjection"))
        {
            writer.Line("/// <summary>Registers the mediator generated for this assembly.</summary>");
            writer.Line(Code.GeneratedCode);
            using (writer.Block("internal static class " + plan.Mediator.RegistrationClass))
            {
                writer.Line("/// <summary>");
                writer.Line("/// Registers the generated mediator (as <c>" + Code.Doc(mediator) + "</c>, <c>IMediator</c>, <c>ISender</c> and <c>IPublisher</c>),");
                writer.Line("/// its " + (plan.Pipelines.Count + plan.Streams.Count + plan.Notifications.Count) + " pipeline(s), and every handler and middleware they use. Calling it twice is harmless.");
                writer.Line("/// </summary>");
                writer.Line("/// <param name=\"services\">The service collection.</param>");
                writer.Line("/// <returns>The same collection, for chaining.</returns>");
                using (writer.Block("public static " + Di + ".IServiceCollection " + plan.Mediator.RegistrationMethod + "(this " + Di + ".IServiceCollection services)"))
                {
                    writer.Line("if (services is null) throw new global::System.ArgumentNullException(nameof(services));");
                    writer.Line();
                    writer.Line("// Handlers and middlewares");
                    foreach (var service in plan.Services)
                    {
                        writer.Line(TryAdd + "(services, " + Descriptor + "." + service.Lifetime + "<" + service.Type + ", " + service.Type + ">());");
                    }

                    writer.Line();
                    writer.Line("// Pipelines: one per message type, with the lifetime of its handler (for notifications, the shortest of its handlers')");
                    const string observer = "(global::Mediator.IDispatchObserver?)sp.GetService(typeof(global::Mediator.IDispatchObserver))";
                    foreach (var pipeline in plan.Pipelines)
                    {
                        WritePipeline(writer, mediator, pipeline.ClassName, pipeline.HandlerLifetime, pipeline.Steps, new[] { pipeline.HandlerType }, observer);
                    }

                    foreach (var pipeline in plan.Streams)
                    {
                        WritePipeline(writer, mediator, pipeline.ClassName, pipeline.HandlerLifetime, pipeline.Steps, new[] { pipeline.HandlerType }, observer);
                    }

                    foreach (var pipeline in plan.Notifications)
                    {
                        var arguments = NotificationFields.For(pipeline).Select(f => f.Step is { } step ? Construct(step) : Resolve(f.Type));
                        WritePipeline(writer, mediator, pipeline.ClassName, pipeline.Lifetime, arguments, GetRequired + "<" + Runtime + ">(sp)");
                    }

                    if (plan.Notifications.Count > 0)
                    {
                        writer.Line();
                        writer.Line("// What notification pipelines share: retry policy, clock, dead-letter sink and observer, read from the container");
                        writer.Line(TryAdd + "(services, " + Descriptor + ".Singleton<" + Runtime + ">(sp => " + Runtime + ".FromServices(sp)));");
                    }

                    writer.Line();
                    writer.Line("// The mediator: transient, so that it resolves scoped pipelines from the scope it was resolved in");
                    writer.Line(TryAdd + "(services, " + Descriptor + ".Singleton<" + mediator + ".PipelineCache>(sp => new " + mediator + ".PipelineCache(sp)));");
                    writer.Line(TryAdd + "(services, " + Descriptor + ".Transient<" + mediator + ">(sp => new " + mediator + "(sp, " + GetRequired + "<" + mediator + ".PipelineCache>(sp))));");
                    writer.Line(TryAdd + "(services, " + Descriptor + ".Transient<global::Mediator.IMediator>(sp => " + GetRequired + "<" + mediator + ">(sp)));");
                    writer.Line(TryAdd + "(services, " + Descriptor + ".Transient<global::Mediator.ISender>(sp => " + GetRequired + "<" + mediator + ">(sp)));");
                    writer.Line(TryAdd + "(services, " + Descriptor + ".Transient<global::Mediator.IPublisher>(sp => " + GetRequired + "<" + mediator + ">(sp)));");
                    writer.Line("return services;");
                }

                if (HasOptionalServices(plan))
                {
                    writer.Line();
                    writer.Line("/// <summary>A per-message middleware's optional parameter: the registered service, else the parameter's default.</summary>");
                    writer.Line("private static T GetServiceOr<T>(global::System.IServiceProvider sp, T fallback) => sp.GetService(typeof(T)) is T service ? service : fallback;");
                }
            }
        }

        return writer.ToString();
    }
}
