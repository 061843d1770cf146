'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

/**
 * A Strapi email provider that delivers nothing: each message is written as one JSON file to
 * `directory` (relative to the working directory) and logged, so development and tests can
 * follow confirmation and password-reset links without a mail server.
 */
module.exports = {
  init(providerOptions = {}, settings = {}) {
    const directory = path.resolve(providerOptions.directory || '.tmp/outbox');
    return {
      async send(options) {
        const message = {
          from: options.from || settings.defaultFrom,
          replyTo: options.replyTo || settings.defaultReplyTo,
          to: options.to,
          subject: options.subject,
          text: options.text,
          html: options.html,
          // Custom headers (e.g. List-Unsubscribe), as SMTP would send them.
          headers: options.headers || {},
          sentAt: new Date().toISOString(),
        };
        fs.mkdirSync(directory, { recursive: true });
        const file = path.join(directory, `${Date.now()}-${crypto.randomBytes(4).toString('hex')}.json`);
        fs.writeFileSync(file, JSON.stringify(message, null, 2));
        if (typeof strapi !== 'undefined' && strapi.log) {
          strapi.log.info(`[email-outbox] to=${message.to} subject=${JSON.stringify(message.subject)} file=${file}`);
        }
      },
    };
  },
};
