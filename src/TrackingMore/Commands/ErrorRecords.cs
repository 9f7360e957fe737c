using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// ErrorRecords in the manner of PowerShell's web cmdlets: a stable id per reason (TrackingMore.AlreadyExists,
    /// TrackingMore.RateLimited, ...), a fitting category, the item as target, the server's words in ErrorDetails.
    /// What to do in this module (which cmdlet or parameter helps) is said here, in RecommendedAction: the client's
    /// texts speak of the call, not of PowerShell.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord FromApi(TrackingMoreApiException failure, object? target)
        {
            var record = new ErrorRecord(failure, failure.ErrorId, Category(failure), target);
            var advice = Advice(failure);
            if (advice != null) record.ErrorDetails = new ErrorDetails(failure.Message) { RecommendedAction = advice };
            return record;
        }

        /// <summary>
        /// An item whose request may have been carried out (an attempt's answer was lost or came too late, resent or
        /// not), whose last attempt failed, and whose outcome the account cannot show.
        /// </summary>
        public static ErrorRecord OutcomeUnknown(object item, TrackingMoreApiException failure)
        {
            var unknown = new TrackingMoreApiException(failure.Reason,
                item + ": the outcome is unknown. An answer of the request was lost or came too late, so the service may have done it, " +
                "and the account cannot show whether it did. The last attempt failed: " + failure.Message,
                failure.Endpoint, failure.ApiCode, failure.ApiType, failure.ApiMessage, failure.HttpStatus, innerException: failure);
            return new ErrorRecord(unknown, "TrackingMore.OutcomeUnknown", ErrorCategory.OperationStopped, item)
            {
                ErrorDetails = new ErrorDetails(unknown.Message)
                {
                    RecommendedAction = "Check the item with Get-Tracking before sending it again.",
                },
            };
        }

        public static ErrorRecord NotConnected(bool afterDisconnect = false) => new ErrorRecord(
            new InvalidOperationException(afterDisconnect
                ? "Not connected to TrackingMore: Disconnect-TrackingMore closed this session's connection, and the session stays " +
                  "disconnected (also from $env:TRACKINGMORE_API_KEY) until you run Connect-TrackingMore again."
                : "Not connected to TrackingMore. Run Connect-TrackingMore -ApiKey (Read-Host -AsSecureString), " +
                  "or set $env:TRACKINGMORE_API_KEY."),
            "TrackingMore.NotConnected", ErrorCategory.ConnectionError, null);

        /// <summary>A -Connection that Disconnect-TrackingMore closed: its key is forgotten for every use.</summary>
        public static ErrorRecord ClosedConnection(TrackingMoreConnection connection) => new ErrorRecord(
            new InvalidOperationException(
                "-Connection " + connection + " was closed by Disconnect-TrackingMore and is not used again. Connect again with " +
                "Connect-TrackingMore -PassThru and pass the new connection."),
            "TrackingMore.ConnectionClosed", ErrorCategory.ConnectionError, connection);

        /// <summary>A -Connection value this process's module did not open (e.g. one that came back from Start-Job).</summary>
        public static ErrorRecord UnknownConnection(object connection) => new ErrorRecord(
            new ArgumentException(
                "-Connection " + connection + " is not a connection this session opened: pass what Connect-TrackingMore -PassThru " +
                "returned in this process. A connection that went through a job or Export-Clixml keeps its description, not its key.", "Connection"),
            "TrackingMore.UnknownConnection", ErrorCategory.InvalidArgument, connection);

        /// <summary>
        /// A piped record without a value it must carry: named by its position among the piped objects ("row 3" for
        /// a CSV row or another property bag, "input object 3" for anything else), with every column it lacks and every
        /// one whose cell is blank.
        /// </summary>
        public static ErrorRecord MissingColumn(long position, PSObject? record, IReadOnlyList<string> lacking, IReadOnlyList<string> empty, string firstParameter)
        {
            var isRow = record?.BaseObject is PSCustomObject;
            var which = isRow ? "Row " + position
                : "Input object " + position + " (" + (record == null ? "$null" : record.BaseObject.GetType().Name) + ")";
            var noun = isRow ? "column" : "property";
            string Named(IReadOnlyList<string> columns) =>
                (columns.Count == 1 ? noun : isRow ? "columns" : "properties") + " " +
                (columns.Count == 1 ? columns[0] : string.Join(", ", columns.Take(columns.Count - 1)) + " and " + columns[columns.Count - 1]);
            var cell = isRow ? "cell" : "value";
            var faults = new List<string>();
            if (lacking.Count > 0) faults.Add("lacks " + Named(lacking));
            if (empty.Count > 0) faults.Add((empty.Count == 1 ? "has an empty " + cell : "has empty " + cell + "s") + " in " + Named(empty));
            var message = which + " " + string.Join(" and ", faults) + ", so nothing was sent for it.";
            return new ErrorRecord(new ArgumentException(message), "TrackingMore.MissingColumn", ErrorCategory.InvalidArgument, record)
            {
                ErrorDetails = new ErrorDetails(message)
                {
                    RecommendedAction = "Give every record a value for each " + noun + " named, or give -" + firstParameter + " on the command line when all records share one.",
                },
            };
        }

        /// <summary>A direct call (no pipeline input) without a required value: refused instead of prompting, which would hang a script.</summary>
        public static ErrorRecord MissingParameter(IReadOnlyList<string> parameters)
        {
            var names = "-" + string.Join(" and -", parameters);
            return InvalidArgument(names + (parameters.Count == 1 ? " is" : " are") + " required: give " + (parameters.Count == 1 ? "it" : "them") +
                                   ", or pipe in objects that have " + (parameters.Count == 1 ? "it" : "them") + " (CSV rows with such columns, Get-Tracking output).",
                "TrackingMore.MissingParameter", null);
        }

        /// <summary>
        /// A required value given on the command line empty (blank text, $null): refused as PowerShell refuses a value
        /// its parameter's check fails, with that check's message, since [RequiredPerRecord] made it null before the check.
        /// </summary>
        public static ErrorRecord EmptyParameter(string parameter, string problem) => new ErrorRecord(
            new ParameterBindingException("Cannot validate argument on parameter '" + parameter + "'. " + problem),
            "ParameterArgumentValidationError", ErrorCategory.InvalidData, null);

        public static ErrorRecord InvalidArgument(string message, string errorId, object? target) =>
            new ErrorRecord(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, target);

        private static ErrorCategory Category(TrackingMoreApiException failure) => failure.Reason switch
        {
            FailureReason.AlreadyExists => ErrorCategory.ResourceExists,
            FailureReason.NotFound or FailureReason.CarrierNotDetected => ErrorCategory.ObjectNotFound,
            FailureReason.Unauthorized => ErrorCategory.AuthenticationError,
            FailureReason.PermissionDenied => ErrorCategory.PermissionDenied,
            FailureReason.QuotaExceeded => ErrorCategory.QuotaExceeded,
            FailureReason.RateLimited => ErrorCategory.LimitsExceeded,
            FailureReason.ServerError => ErrorCategory.ResourceUnavailable,
            FailureReason.NotSupported => ErrorCategory.NotImplemented,
            FailureReason.Timeout => ErrorCategory.OperationTimeout,
            FailureReason.NetworkError => ErrorCategory.ConnectionError,
            FailureReason.InvalidResponse or FailureReason.NotInAnswer => ErrorCategory.InvalidResult,
            FailureReason.ItemRefused => ErrorCategory.InvalidArgument,
            _ => ErrorCategory.InvalidArgument,
        };

        /// <summary>Whether the failed call removed trackings, on whichever version's endpoint it was.</summary>
        private static bool IsRemoval(TrackingMoreApiException failure) =>
            ((ApiVersion[])Enum.GetValues(typeof(ApiVersion))).Select(ApiCapabilities.Of).Any(capabilities =>
                new[] { ApiOperation.DeleteTracking, ApiOperation.DeleteTrackings }.Any(operation =>
                    capabilities.Supports(operation) && capabilities.EndpointOf(operation) == failure.Endpoint));

        private static string? Advice(TrackingMoreApiException failure) => failure.Reason switch
        {
            FailureReason.NotSupported when failure.IsOperationMissing =>
                "Connect with Connect-TrackingMore -ApiVersion set to a version that offers it (the connection's Capabilities.Operations lists what each offers).",
            FailureReason.Unauthorized =>
                "Check the API key: run Connect-TrackingMore -ApiKey with a valid key (Get-TrackingMoreConnection shows which one is in use, masked).",
            FailureReason.RateLimited =>
                "The account's rate limit was reached and retries did not get through. Wait, or raise Connect-TrackingMore -MaximumRetryCount.",
            FailureReason.Timeout => "Raise Connect-TrackingMore -TimeoutSec, or try again later.",
            FailureReason.ResponseTooLarge =>
                "Narrow the request (Get-Tracking -PageSize), or raise Connect-TrackingMore -MaximumResponseSizeMB; an endpoint whose answer is always small (the carrier list) keeps its own lower limit.",
            FailureReason.Redirected => "If the API has moved, connect to its new address with Connect-TrackingMore -BaseUri.",
            FailureReason.NetworkError => "Check the network and Connect-TrackingMore -BaseUri.",
            FailureReason.InvalidResponse => "The service or a proxy in front of it answered with something other than the API's JSON. Try again later.",
            FailureReason.ServerError when failure.ApiCode == null =>
                "The service or a proxy in front of it answered with something other than the API's JSON. Try again later.",
            FailureReason.AlreadyExists => "The tracking exists already: use Set-Tracking to change it.",
            FailureReason.NotFound when IsRemoval(failure) =>
                "The account has no such tracking: it may have been removed already, or be under another carrier (Get-Tracking <number> finds it).",
            FailureReason.NotFound => "Create the tracking first with New-Tracking, or check its carrier (Get-Tracking <number> finds it under any carrier).",
            FailureReason.UnknownCarrier => "Use a carrier code from Get-TrackingCarrier.",
            FailureReason.CarrierNotDetected => "The service cannot tell the carrier from this number: give -CarrierCode yourself (Get-TrackingCarrier lists them).",
            FailureReason.QuotaExceeded => "The account's quota is used up: Get-TrackingAccount shows what is left.",
            FailureReason.Ambiguous => "More than one tracking answers to this number and carrier: pipe the one meant from Get-Tracking, which carries its Id.",
            _ => null,
        };
    }
}
