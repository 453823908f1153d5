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

    /// <summary>
    /// What registering one pipeline takes: its class, constructor arguments, and the services it uses. Only a singleton
    /// pipeline is registered itself; any other is built per dispatch (<see cref="PipelineConstruction"/>) and registers
    /// nothing but its services. A pipeline in an obsolete context (<see cref="UsageEmitter"/>) registers its services that
    /// name obsolete types (and itself, when a singleton), in a <c>Register</c> method inside it, where C# accepts those names.
    /// </summary>
    private sealed record Registration(MessageShape Pipeline, IReadOnlyList<string> Arguments, IReadOnlyList<string> Services, bool IsValueType = false)
    {
        public string ClassName => Pipeline.ClassName;

        public bool InObsoleteContext => Pipeline.InObsoleteContext;

        public bool RegistersPipeline => !PipelineConstruction.IsBuiltPerDispatch(Pipeline);
    }

    private static IEnumerable<Registration> Registrations(MediatorPlan plan, string getServiceOr)
    {
        // Request and stream pipelines are built alike: their steps, their handler, then the observer.
        var handlerPipelines = plan.Pipelines.Select(p => (p.Shape, p.Steps, p.HandlerType, PipelineConstruction.IsValueType(p)))
            .Concat(plan.Streams.Select(p => (p.Shape, p.Steps, p.HandlerType, false)));
        foreach (var (shape, steps, handler, isValueType) in handlerPipelines)
        {
            yield return new Registration(
                shape,
                PipelineConstruction.Arguments(steps, handler, getServiceOr),
                steps.Select(s => s.MiddlewareType).Concat(new[] { handler }).ToList(),
                isValueType);
        }

        foreach (var pipeline in plan.Notifications)
        {
            yield return new Registration(
                pipeline.Shape,
                PipelineConstruction.Arguments(pipeline, getServiceOr),
                NotificationFields.For(pipeline).Select(f => f.Type).ToList());
        }
    }

    private static void WritePipeline(SourceWriter writer, MediatorPlan plan, Registration registration)
    {
        var type = plan.Mediator.FullName + "." + registration.ClassName;
        writer.Line(TryAdd + "(services, " + Descriptor + "." + registration.Pipeline.Lifetime + "<" + type + ">(sp => new " + type + "(" + string.Join(", ", registration.Arguments) + ")));");
    }

    private static void WriteService(SourceWriter writer, ServiceRegistration service)
        => writer.Line(TryAdd + "(services, " + Descriptor + "." + service.Lifetime + "<" + service.Type + ", " + service.Type + ">());");

    private static bool HasOptionalServices(MediatorPlan plan)
        => plan.Pipelines.SelectMany(p => p.Steps)
            .Concat(plan.Streams.SelectMany(p => p.Steps))
            .Concat(plan.Notifications.SelectMany(p => p.AllSteps))
            .Any(s => s.Arguments.Any(a => a.Source == ParameterSource.OptionalService));

    public static string Emit(MediatorPlan plan)
    {
        var mediator = plan.Mediator.FullName;
        var writer = Code.MediatorFile(plan);
        using (writer.Block("namespace Microsoft.Extensions.DependencyInjection"))
        {
            writer.Line("/// <summary>Registers the mediator generated for this assembly.</summary>");
            writer.Line(Code.GeneratedCode);
            using (writer.Block("internal static class " + plan.Mediator.RegistrationClass))
            {
                writer.Line("/// <summary>");
                writer.Line("/// Registers the generated mediator (as <c>" + Code.Doc(mediator) + "</c>, <c>IMediator</c>, <c>ISender</c> and <c>IPublisher</c>),");
                var pipelineCount = plan.Pipelines.Count + plan.Streams.Count + plan.Notifications.Count;
                var perDispatch = Code.AllShapes(plan).Count(PipelineConstruction.IsBuiltPerDispatch);
                writer.Line(perDispatch == 0
                    ? "/// its " + pipelineCount + " pipeline(s), and every handler and middleware they use. Calling it twice is harmless."
                    : "/// its " + (pipelineCount - perDispatch) + " singleton pipeline(s), and every handler and middleware of all " + pipelineCount + " pipeline(s) (the mediator builds the "
                        + perDispatch + " with a scoped or transient component on each dispatch). Calling it twice is harmless.");
                writer.Line("/// </summary>");
                writer.Line("/// <param name=\"services\">The service collection.</param>");
                writer.Line("/// <returns>The same collection, for chaining.</returns>");
                using (writer.Block("public static " + Di + ".IServiceCollection " + plan.Mediator.RegistrationMethod + "(this " + Di + ".IServiceCollection services)"))
                {
                    WriteRegistrations(writer, plan, "GetServiceOr", asInterfaces: true);
                    writer.Line("return services;");
                }

                if (HasOptionalServices(plan))
                {
                    writer.Line();
                    writer.Line("/// <summary>A per-message middleware's optional parameter: the registered service, else the parameter's default.</summary>");
                    writer.Line("internal static T GetServiceOr<T>(global::System.IServiceProvider sp, T fallback) => sp.GetService(typeof(T)) is T service ? service : fallback;");
                }
            }
        }

        WriteObsoleteContextRegistrations(writer, plan);
        return writer.Finish();
    }

    /// <summary>
    /// The registrations <c>AddMediator()</c> makes, and a module's <c>RegisterModule</c> (without <c>IMediator</c>,
    /// <c>ISender</c> and <c>IPublisher</c>, which are the host's).
    /// </summary>
    internal static void WriteRegistrations(SourceWriter writer, MediatorPlan plan, string getServiceOr, bool asInterfaces)
    {
        var mediator = plan.Mediator.FullName;
        var perDispatch = Code.AllShapes(plan).Count(PipelineConstruction.IsBuiltPerDispatch);
        writer.Line("if (services is null) throw new global::System.ArgumentNullException(\"services\");");
        writer.Line();
        writer.Line("// Handlers and middlewares");
        foreach (var service in plan.Services.Where(s => !s.NamesObsolete))
        {
            WriteService(writer, service);
        }

        writer.Line();
        writer.Line(perDispatch == 0
            ? "// Pipelines: one per message type, with the shortest lifetime of its handlers and middleware"
            : "// Pipelines: one per message type; a singleton one is registered, the mediator builds the others per dispatch from the services above");
        foreach (var registration in Registrations(plan, getServiceOr).Where(r => r.InObsoleteContext || r.RegistersPipeline))
        {
            if (registration.InObsoleteContext)
            {
                writer.Line(mediator + "." + registration.ClassName + ".Register(services);");
            }
            else
            {
                WritePipeline(writer, plan, registration);
            }
        }

        if (plan.Notifications.Count > 0)
        {
            writer.Line();
            writer.Line("// What notification pipelines share: retry policy, clock, dead-letter sink and observer, read from the container");
            writer.Line(TryAdd + "(services, " + Descriptor + ".Singleton<" + Code.PublishRuntime + ">(sp => " + Code.PublishRuntime + ".FromServices(sp)));");
        }

        writer.Line();
        writer.Line("// The mediator: transient, so that it resolves scoped pipelines from the scope it was resolved in");
        writer.Line(TryAdd + "(services, " + Descriptor + ".Singleton<" + mediator + ".PipelineCache>(sp => new " + mediator + ".PipelineCache(sp)));");
        // The interfaces construct the mediator themselves rather than resolve it again: one factory call per
        // resolution instead of two, which a scoped Send pays every time it resolves ISender.
        var construct = "new " + mediator + "(sp, " + GetRequired + "<" + mediator + ".PipelineCache>(sp))";
        writer.Line(TryAdd + "(services, " + Descriptor + ".Transient<" + mediator + ">(sp => " + construct + "));");
        if (asInterfaces)
        {
            writer.Line(TryAdd + "(services, " + Descriptor + ".Transient<global::Mediator.IMediator>(sp => " + construct + "));");
            writer.Line(TryAdd + "(services, " + Descriptor + ".Transient<global::Mediator.ISender>(sp => " + construct + "));");
            writer.Line(TryAdd + "(services, " + Descriptor + ".Transient<global::Mediator.IPublisher>(sp => " + construct + "));");
        }

        // The modules this project references: their pipelines, handlers and middleware, and their mediators, which
        // this one forwards their messages to (their interface registrations are this project's, above).
        for (var i = 0; i < plan.Composed.Modules.Count; i++)
        {
            if (i == 0)
            {
                writer.Line();
                writer.Line("// The referenced modules whose messages this mediator forwards");
            }

            writer.Line(plan.Composed.Modules[i].MediatorType + "." + ModuleEmitter.RegisterModule + "(services);");
        }
    }

    /// <summary>The <c>Register</c> of each pipeline in an obsolete context, as another part of its class.</summary>
    private static void WriteObsoleteContextRegistrations(SourceWriter writer, MediatorPlan plan)
    {
        var getServiceOr = PipelineConstruction.QualifiedGetServiceOr(plan.Mediator);
        var shielded = Registrations(plan, getServiceOr).Where(r => r.InObsoleteContext).ToList();
        if (shielded.Count == 0)
        {
            return;
        }

        var byType = plan.Services.Where(s => s.NamesObsolete).ToDictionary(s => s.Type, System.StringComparer.Ordinal);
        writer.Line();
        using (Code.MediatorPart(writer, plan.Mediator))
        {
            var first = true;
            foreach (var registration in shielded)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                using (writer.Block((registration.IsValueType ? "partial struct " : "partial class ") + registration.ClassName))
                {
                    writer.Line(registration.RegistersPipeline
                        ? "/// <summary>Registers this pipeline and the services it uses whose names mention obsolete types, which only code in an obsolete context may write.</summary>"
                        : "/// <summary>Registers the services this pipeline uses whose names mention obsolete types, which only code in an obsolete context may write; the mediator builds the pipeline per dispatch.</summary>");
                    using (writer.Block("internal static void Register(" + Di + ".IServiceCollection services)"))
                    {
                        foreach (var type in registration.Services.Distinct(System.StringComparer.Ordinal))
                        {
                            if (byType.TryGetValue(type, out var service))
                            {
                                WriteService(writer, service);
                            }
                        }

                        if (registration.RegistersPipeline)
                        {
                            WritePipeline(writer, plan, registration);
                        }
                    }
                }
            }
        }
    }
}
