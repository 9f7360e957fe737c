using System;
using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Checks each value of a parameter. Unlike ValidateEnumeratedArguments it lets null through, so an optional
    /// parameter bound to an empty CSV cell (made null by <see cref="EmptyAsNullAttribute"/>) counts as not given, and
    /// a required one (<see cref="RequiredPerRecordAttribute"/>) is reported with its record.
    /// </summary>
    public abstract class ValidateEachArgumentAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is null) return;
            if (value is IEnumerable many && !(value is string))
            {
                foreach (var item in many) ValidateElement(item is PSObject element ? element.BaseObject : item);
                return;
            }
            ValidateElement(value);
        }

        protected abstract void ValidateElement(object? element);

        /// <summary>What is wrong with a value that did not come through a parameter (a webhook body's), or null.</summary>
        internal string? ProblemWith(object? element)
        {
            try
            {
                ValidateElement(element);
                return null;
            }
            catch (ValidationMetadataException problem)
            {
                return problem.Message;
            }
        }
    }

    /// <summary>
    /// A value every pipeline record must carry (a tracking's number and carrier, a route's countries), checked per
    /// record by <see cref="RecordCmdlet"/> in place of Mandatory, so that a CSV row that lacks it is an error naming the
    /// row and its columns, and a direct call without it is refused without a prompt. Help shows the parameter as required.
    /// A blank text (Import-Csv's "" for an empty cell, or white space) is made null like <see cref="EmptyAsNullAttribute"/>
    /// does, so that the parameter's own check lets it through and <see cref="RecordCmdlet"/> reports the empty cell with
    /// its row (and an empty value given on the command line by its parameter).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class RequiredPerRecordAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => EmptyAsNullAttribute.BlankAsNull(inputData);
    }

    /// <summary>
    /// No empty or white-space text: unlike ValidateNotNullOrEmpty it lets a parameter's null through (a CSV row's
    /// missing cell, or a blank one that <see cref="RequiredPerRecordAttribute"/> made null), which
    /// <see cref="RecordCmdlet"/> reports with the row. What it still refuses is a blank item of an array.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateNotBlankAttribute : ValidateEachArgumentAttribute
    {
        protected override void ValidateElement(object? element)
        {
            if (element is null || element is string text && string.IsNullOrWhiteSpace(text))
                throw new ValidationMetadataException("The value must not be empty or white space.");
        }
    }

    /// <summary>
    /// Tracking numbers are checked before anything is sent, by the service's rule (<see cref="TrackingRules.CheckNumber"/>):
    /// not empty, no more than 50 characters, no control, invisible format (U+202E, U+200B) or line/paragraph/odd space
    /// separator characters, no space inside (one at either end is trimmed, as CSV cells carry them; one inside makes
    /// another number, a request that costs quota and finds nothing), and not only dots (which a URL would read as "this
    /// folder" or "the one above" and so reach another endpoint). The messages say how to fix each in PowerShell.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateTrackingNumberAttribute : ValidateEachArgumentAttribute
    {
        public const int MaxLength = TrackingRules.MaxNumberLength;

        protected override void ValidateElement(object? element)
        {
            var text = element as string;
            switch (TrackingRules.CheckNumber(text, out var c))
            {
                case TrackingNumberProblem.Empty:
                    throw new ValidationMetadataException("A tracking number must not be empty or white space. Give the carrier's tracking number, e.g. RR050349575PH.");
                case TrackingNumberProblem.TooLong:
                    throw new ValidationMetadataException("The tracking number is " + text!.Length + " characters long; the API accepts at most " + MaxLength + ". Check the value.");
                case TrackingNumberProblem.ControlCharacter:
                    throw new ValidationMetadataException("The tracking number contains a control character (U+" + ((int)c).ToString("X4") + "). Remove it, e.g. with .Trim().");
                case TrackingNumberProblem.InvisibleCharacter:
                    throw new ValidationMetadataException("The tracking number contains an invisible or unusual space character (U+" + ((int)c).ToString("X4") +
                                                          "), often pasted along with it. Type the number again or remove the character.");
                case TrackingNumberProblem.SpaceInside:
                    throw new ValidationMetadataException("The tracking number '" + text!.Trim() + "' has a space inside; tracking numbers have none, so the service " +
                                                          "would look for another number (and charge for it). Remove the spaces, e.g. ('" + text.Trim() + "' -replace ' ', '').");
                case TrackingNumberProblem.OnlyDots:
                    throw new ValidationMetadataException("'" + text + "' is not a tracking number: a number made only of dots would change the request's path. Give the carrier's tracking number, e.g. RR050349575PH.");
            }
        }
    }

    /// <summary>
    /// Text fields of a tracking (title, customer and order fields, comment): at most 255 characters, the most the
    /// service stores (the emulator refuses longer with 4012), so a runaway value is refused before it is sent.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateFieldLengthAttribute : ValidateEachArgumentAttribute
    {
        public const int MaxLength = 255;

        protected override void ValidateElement(object? element)
        {
            if (element is string text && text.Length > MaxLength)
                throw new ValidationMetadataException("The value is " + text.Length + " characters long; the API keeps at most " + MaxLength +
                                                      " in a tracking's field. Shorten it.");
        }
    }

    /// <summary>
    /// A status to list by: <see cref="TrackingStatus.Unknown"/> stands for a status text this module does not know
    /// (one the service may add later), so the service has no filter for it, and sending none would list every tracking.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateStatusFilterAttribute : ValidateEachArgumentAttribute
    {
        private static readonly string[] Filters = Array.FindAll(Enum.GetNames(typeof(TrackingStatus)), name => name != nameof(TrackingStatus.Unknown));

        protected override void ValidateElement(object? element)
        {
            if (element is TrackingStatus.Unknown)
                throw new ValidationMetadataException("Unknown is not a status the service can list by: it stands for a status this module does not know, " +
                                                      "and as a filter it would match every tracking. Give one or more of " +
                                                      string.Join(", ", Filters) + ", e.g. -Status Exception, Undelivered.");
        }
    }

    /// <summary>A parameter whose every value must match a pattern; the message says what a value looks like.</summary>
    public abstract class ValidateEachPatternAttribute : ValidateEachArgumentAttribute
    {
        protected abstract Regex Pattern { get; }

        /// <summary>The message for a value that does not match: what it is not, and an example of what it should be.</summary>
        protected abstract string Refusal(string? text);

        protected override void ValidateElement(object? element)
        {
            var text = element as string;
            if (text == null || !Pattern.IsMatch(text)) throw new ValidationMetadataException(Refusal(text));
        }
    }

    /// <summary>
    /// Carrier codes are the API's lower-case slugs: letters, digits, '-' and '_' (<see cref="TrackingRules.IsCarrierCode"/>).
    /// Upper case is accepted and lowered (by <see cref="CarrierCodeTransformationAttribute"/>, before this check).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateCarrierCodeAttribute : ValidateEachArgumentAttribute
    {
        protected override void ValidateElement(object? element)
        {
            var text = element as string;
            if (!TrackingRules.IsCarrierCode(text))
                throw new ValidationMetadataException("'" + text + "' is not a carrier code. Carrier codes are lower-case letters, digits, '-' and '_' (e.g. dhl, china-post); Get-TrackingCarrier lists them.");
        }
    }

    /// <summary>
    /// Air waybill numbers are checked before anything is sent, because every number sent costs 20 quota:
    /// 3 digits, an optional space or dash, 7 or 8 digits.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateAirWaybillNumberAttribute : ValidateEachArgumentAttribute
    {
        protected override void ValidateElement(object? element)
        {
            var text = element as string;
            if (!AirWaybillNumbers.IsValid(text))
                throw new ValidationMetadataException("'" + text + "' is not an air waybill number. Give the airline's 3-digit prefix, an optional space or dash, and 7 or 8 digits, e.g. " + AirWaybillNumbers.Example + ".");
        }
    }

    /// <summary>Country codes are two letters (ISO 3166-1 alpha-2, e.g. CN, US); the cmdlet upper-cases them.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateCountryCodeAttribute : ValidateEachPatternAttribute
    {
        private static readonly Regex TwoLetters = new Regex("^[A-Za-z]{2}$", RegexOptions.CultureInvariant);

        protected override Regex Pattern => TwoLetters;

        protected override string Refusal(string? text) =>
            "'" + text + "' is not a two-letter country code. Give the ISO 3166-1 code, e.g. CN, US, DE.";
    }

    /// <summary>
    /// Languages are codes such as en, cn or zh-cn: they become a path segment of GET /trackings/{carrier}/{number}/{lang},
    /// so anything else (a path such as getuserinfo or ../x) is refused before it could name another endpoint.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateLanguageAttribute : ValidateEachPatternAttribute
    {
        private static readonly Regex LanguageCode = new Regex("^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,4})?$", RegexOptions.CultureInvariant);

        protected override Regex Pattern => LanguageCode;

        protected override string Refusal(string? text) =>
            "'" + text + "' is not a language code. Give a code such as en, cn or zh-cn (Tab completes them).";
    }

    /// <summary>Dates the API takes as unix seconds must fall between 1970 and 2100.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateApiDateAttribute : ValidateArgumentsAttribute
    {
        private static readonly DateTime Earliest = new DateTime(1970, 1, 2);
        private static readonly DateTime Latest = new DateTime(2100, 1, 1);

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (value is DateTime date && (date < Earliest || date >= Latest))
                throw new ValidationMetadataException("The date " + date.ToString("yyyy-MM-dd") + " is outside what the API accepts (1970-01-02 to 2099-12-31).");
        }
    }

    /// <summary>-MaximumAge of a webhook: longer than zero, at most <see cref="WebhookFreshness.LongestMaximumAge"/> (one day).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateWebhookAgeAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (!(value is TimeSpan age) || age <= TimeSpan.Zero || age > WebhookFreshness.LongestMaximumAge)
                throw new ValidationMetadataException("The age " + value + " is out of range: give one longer than zero and at most " +
                                                      WebhookFreshness.LongestMaximumAge + ", e.g. (New-TimeSpan -Minutes 5).");
        }
    }

    /// <summary>
    /// Lower-cases and trims carrier codes, so "DHL " from a spreadsheet means dhl. Runs before validation.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class CarrierCodeTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value switch
            {
                string text => text.Trim().ToLowerInvariant(),
                IList list when !(value is string) => TransformList(list),
                _ => inputData,
            };
        }

        private static object[] TransformList(IList list)
        {
            var result = new object[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                var item = list[i] is PSObject wrapped ? wrapped.BaseObject : list[i];
                result[i] = item is string text ? text.Trim().ToLowerInvariant() : item!;
            }
            return result;
        }
    }

    /// <summary>
    /// For a text parameter that takes the piped object itself as well as its property (a tracking number piped
    /// alone, or a row's column): an object binds only by its column. PowerShell binds a row that lacks the column by
    /// converting the whole row to text ("@{Carrier=ups}"), which would be checked and sent as a tracking number. An
    /// object (anything but a plain value or an array) is handed on as a value no conversion to text accepts, so that
    /// binding fails quietly, the column (if any) binds by name, and <see cref="RecordCmdlet"/> reports a row without it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ObjectsBindByColumnAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is null || value is IConvertible || value is Array ? inputData : new NoText(value);
        }

        /// <summary>An object that cannot become text, so that PowerShell's conversion to the parameter's type fails.</summary>
        private sealed class NoText
        {
            private readonly object _object;

            public NoText(object value) => _object = value;

            public override string ToString() =>
                throw new InvalidCastException("A " + _object.GetType().Name + " is not a value of this parameter: only its column (property) is.");
        }
    }

    /// <summary>
    /// An empty cell of Import-Csv binds as "" and would fail conversion to a date or number; it means "not given".
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class EmptyAsNullAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => BlankAsNull(inputData);

        /// <summary>Null for an empty or white-space text; anything else (an array with a blank item too) as it is.</summary>
        internal static object? BlankAsNull(object? inputData) => IsBlankText(inputData) ? null : inputData;

        internal static bool IsBlankText(object? value) => (value is PSObject wrapped ? wrapped.BaseObject : value) is string text && string.IsNullOrWhiteSpace(text);
    }

    /// <summary>
    /// A connection that went through a job, a remote session or Export-Clixml comes back as its description
    /// only: the key and the client stayed behind. Said so, instead of PowerShell's "cannot convert".
    /// </summary>
    public sealed class ConnectionTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (inputData is PSObject wrapped && !(wrapped.BaseObject is TrackingMoreConnection)
                && wrapped.TypeNames.Contains("Deserialized." + typeof(TrackingMoreConnection).FullName))
            {
                throw new ArgumentTransformationMetadataException(
                    "-Connection got a copy of a connection that went through serialization (a job, a remote session or Export-Clixml), " +
                    "which keeps its description but not its key. Pass what Connect-TrackingMore -PassThru returned in this process, " +
                    "or connect again where the command runs.");
            }
            return inputData;
        }
    }
}
