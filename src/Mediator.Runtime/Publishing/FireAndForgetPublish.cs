using System;
using System.ComponentModel;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.Publishing;

/// <summary>
/// Runs a <see cref="PublishStrategy.FireAndForget"/> publish on the thread pool and reports whatever it throws
/// (<see cref="FireAndForgetFailures"/>), so that no failure is lost. The generated <c>Publish</c> overload calls it and
/// returns at once. Not meant to be called from user code.
/// </summary>
/// <remarks>
/// Scopes: the caller's scope may be disposed as soon as <c>Publish</c> returns (the end of an HTTP request), so a
/// pipeline with a scoped or transient component is never built from it. <see cref="StartInScope{TNotification}"/> opens
/// a scope of its own from the root provider, builds the pipeline there, and disposes the scope when the publish has
/// ended; a pipeline of singletons (<see cref="Start{TPipeline, TNotification}"/>) needs none.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FireAndForgetPublish
{
    /// <summary>Publishes through a pipeline of singletons, on the thread pool.</summary>
    /// <param name="pipeline">The cached pipeline.</param>
    /// <param name="notification">The notification.</param>
    /// <param name="root">The root provider, for the failure report.</param>
    /// <param name="publish">Runs the pipeline (a lambda without captures: one cached delegate).</param>
    public static ValueTask Start<TPipeline, TNotification>(TPipeline pipeline, TNotification notification, IServiceProvider root, Func<TPipeline, TNotification, ValueTask> publish)
    {
        _ = Task.Run(() => RunAsync(pipeline, notification, root, publish));
        return default;
    }

    /// <summary>Publishes in a scope of its own, opened from <paramref name="root"/> and disposed at the end, on the thread pool.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="root">The root provider, to open the scope from and for the failure report.</param>
    /// <param name="publish">Builds the pipeline from the scope's provider and runs it (a lambda without captures).</param>
    public static ValueTask StartInScope<TNotification>(TNotification notification, IServiceProvider root, Func<IServiceProvider, TNotification, ValueTask> publish)
    {
        _ = Task.Run(() => RunInScopeAsync(notification, root, publish));
        return default;
    }

    private static async Task RunAsync<TPipeline, TNotification>(TPipeline pipeline, TNotification notification, IServiceProvider root, Func<TPipeline, TNotification, ValueTask> publish)
    {
        try
        {
            await publish(pipeline, notification).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            FireAndForgetFailures.Report(root, typeof(TNotification), exception);
        }
    }

    private static async Task RunInScopeAsync<TNotification>(TNotification notification, IServiceProvider root, Func<IServiceProvider, TNotification, ValueTask> publish)
    {
        try
        {
            // Inside the try: a root provider already disposed (the application stopping) is a failure to report too.
            var scope = root.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await publish(scope.ServiceProvider, notification).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            FireAndForgetFailures.Report(root, typeof(TNotification), exception);
        }
    }
}
